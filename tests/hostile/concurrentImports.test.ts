// Three `dossier add` processes import into one archive at the same time (the CLI beside the
// CLI; browser mode beside the CLI is tests/integrity/twoProcesses.test.ts). Every file is added
// exactly once: none fails for a busy database, and content all three carry is one material.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMixedFiles } from '../helpers/mixedFiles';
import { tempDir } from '../helpers/tempArchive';
import { dossier, inspectArchive } from '../integrity/helpers';

interface AddJson {
  added: { id: number; sha256: string }[];
  duplicates: { path: string }[];
  failed: { path: string; reason: string }[];
}

describe('three importers at once', () => {
  it('adds every file exactly once', async () => {
    const work = tempDir('dossier-three-');
    const archive = path.join(work, 'archive');
    expect((await dossier('init', '--archive', archive, '--name', '三个进程')).code).toBe(0);
    const shared = Array.from({ length: 20 }, (_, i) => Buffer.from(`三处都有的相同材料 ${i}\n`));
    const folders = ['甲', '乙', '丙'].map((p) => path.join(work, p));
    const perFolder = 120;
    for (const [i, folder] of folders.entries()) await makeMixedFiles(folder, ['甲', '乙', '丙'][i], perFolder, shared);

    const runs = await Promise.all(folders.map((f) => dossier('add', f, '--archive', archive, '--json')));
    const reports = runs.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as AddJson;
    });
    for (const r of reports) expect(r.failed).toEqual([]);
    const added = reports.flatMap((r) => r.added);
    // Each process's own files, plus each shared content once, whichever process came first.
    expect(added).toHaveLength(3 * perFolder + shared.length);
    expect(new Set(added.map((a) => a.sha256)).size).toBe(added.length);
    expect(reports.reduce((n, r) => n + r.duplicates.length, 0)).toBe(2 * shared.length);

    const state = await inspectArchive(archive);
    expect(state).toMatchObject({ materials: 3 * perFolder + shared.length, orphans: 0, duplicateMaterials: 0, broken: [], integrityCheck: 'ok' });
  }, 300_000);
});
