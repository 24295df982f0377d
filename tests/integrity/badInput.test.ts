// The bad-input corpus through the CLI, as a clerk's batch would go: every file gets a named
// reason or is kept and flagged, the batch goes on, and `dossier verify` passes afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openTestArchive, tempDir } from '../helpers/tempArchive';
import { buildCorpus } from './corpus';
import { dossier } from './helpers';

interface AddJson {
  added: { path: string; id: number; kind: string; title: string }[];
  duplicates: unknown[];
  failed: { path: string; reason: string }[];
}

describe('bad-input corpus', () => {
  it('names a reason for every bad file, keeps going, and verify passes afterwards', async () => {
    const inputs = tempDir('dossier-corpus-');
    const corpus = await buildCorpus(inputs);
    expect(fs.readdirSync(inputs).sort()).toEqual(corpus.map((c) => c.name).sort());
    const t = openTestArchive();
    await t.api['dossiers.create']({ name: '异常文件测试' });
    await t.close();
    // The sparse 2 GB input becomes 2 GB of real bytes in the store: remove both afterwards.
    onTestFinished(() => {
      fs.rmSync(t.dir, { recursive: true, force: true });
      fs.rmSync(inputs, { recursive: true, force: true });
    });

    const r = await dossier('add', inputs, '--archive', t.dir, '--json');
    expect(r.code).toBe(1); // partial failure
    const report = JSON.parse(r.stdout) as AddJson;
    expect(report.added.length + report.failed.length).toBe(corpus.length);

    const verify = await dossier('verify', '--archive', t.dir, '--json');
    expect(verify.code, verify.stderr).toBe(0);
    const checked = JSON.parse(verify.stdout) as { ok: boolean; problems: { materialId: number | null; message: string; severity: string }[] };
    expect(checked.ok).toBe(true);

    for (const entry of corpus) {
      const full = path.join(inputs, entry.name);
      const failed = report.failed.find((f) => f.path === full);
      const added = report.added.find((a) => a.path === full);
      if (entry.expected.outcome === 'failed') {
        expect.soft(failed?.reason, entry.name).toMatch(entry.expected.reason);
        expect.soft(r.stderr).toContain(entry.name);
      } else {
        expect(added, `${entry.name}: ${failed?.reason}`).toBeDefined();
        expect(added!.kind, entry.name).toBe(entry.expected.kind);
        const flags = checked.problems.filter((p) => p.materialId === added!.id).map((p) => p.message).join('\n');
        if (entry.expected.flag) expect.soft(flags, entry.name).toContain(entry.expected.flag);
        else expect.soft(flags, entry.name).toBe('');
        // Windows-reserved and very long names are titles only; the store names files by hash.
        expect(added!.title).toBe(path.parse(entry.name).name);
      }
    }
    console.log(`bad-input corpus: ${corpus.length} files, ${report.failed.length} refused with reasons, ${report.added.length} kept (${checked.problems.length} flagged by 四性检测)`);
  }, 300_000);
});
