// A folder holding every kind the issue lists plus every bad input: what was added, what was
// refused and why, byte-identical copies out of the store, and nothing half-written.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddReport } from '../../shared/domain';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { writeEveryKind, type Expected } from './fixtures';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

describe('adding a folder of every kind and every bad input', () => {
  const inputs = tempDir('dossier-every-kind-');
  let t: TestArchive;
  let expected: Expected[];
  let report: AddReport;

  beforeAll(async () => {
    expected = await writeEveryKind(inputs);
    t = openTestArchive();
    const { dossier } = await sampleDossier(t.api);
    report = await t.api['materials.add']({ dossierId: dossier.id, paths: [inputs] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('adds every good file with the kind its content shows, and refuses each bad one with its reason', () => {
    const added = new Map(report.added.map((a) => [path.basename(a.path), a]));
    const failed = new Map(report.failed.map((f) => [path.basename(f.path), f.reason]));
    for (const e of expected) {
      if (e.outcome === 'added') {
        expect(added.has(e.name), `${e.name} 应被添加；失败原因：${failed.get(e.name)}`).toBe(true);
        expect(added.get(e.name)!.material.kind, e.name).toBe(e.kind);
        if (e.says) expect(added.get(e.name)!.notice, e.name).toContain(e.says);
      } else {
        expect(failed.get(e.name), `${e.name} 应被拒绝`).toContain(e.says);
      }
    }
    expect(report.added.length + report.failed.length).toBe(expected.length);
    expect(report.duplicates).toHaveLength(0);
  });

  it('keeps the encrypted PDF, marked as not mergeable', () => {
    const enc = report.added.find((a) => a.path.endsWith('加密文件.pdf'))!;
    expect(enc.material.mergeable).toBe(false);
    expect(report.added.filter((a) => !a.material.mergeable)).toHaveLength(1);
  });

  it('gives back byte-identical copies of every added file from the store', () => {
    for (const a of report.added) {
      const original = fs.readFileSync(a.path);
      const stored = fs.readFileSync(t.ctx.archive.store.pathFor(a.material.sha256));
      expect(sha(stored)).toBe(a.material.sha256);
      expect(stored.equals(original), a.path).toBe(true);
    }
  });

  it('leaves no row without its file and no partly written file', () => {
    const { db, store, tmpDir } = t.ctx.archive;
    const blobs = db.prepare('SELECT sha256 FROM blob').all() as { sha256: string }[];
    for (const b of blobs) expect(fs.existsSync(store.pathFor(b.sha256)), b.sha256).toBe(true);
    const onDisk = walk(store.filesDir);
    expect(onDisk.filter((f) => !/[0-9a-f]{64}$/.test(f))).toEqual([]);
    // Every stored file belongs to a row: refused files left nothing behind.
    expect(onDisk.length).toBe(blobs.length);
    expect(walk(tmpDir).filter((f) => path.basename(f) !== 'session.json')).toEqual([]);
    expect(walk(t.ctx.archive.derivedDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('adding the same folder again stores nothing twice and says where each file already is', async () => {
    const dossierId = report.added[0].material.dossierId;
    const again = await t.api['materials.add']({ dossierId, paths: [inputs] });
    expect(again.added).toHaveLength(0);
    expect(again.duplicates).toHaveLength(report.added.length);
    expect(again.duplicates[0].message).toContain('档案中已有相同内容的材料');
  });

  it('dossier add --json lists the refused files with the same reasons', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { repoRoot } = await import('../helpers/tempArchive');
    const archive = tempDir('dossier-cli-every-');
    const bin = path.join(repoRoot, 'bin', 'dossier.js');
    const run = promisify(execFile);
    await run(process.execPath, [bin, 'init', '--archive', archive, '--name', '测试档案'], { cwd: repoRoot });
    const result = await run(process.execPath, [bin, 'add', inputs, '--archive', archive, '--json'], {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { code: number; stdout: string }) => err);
    expect(result).toHaveProperty('code', 1);
    const out = JSON.parse((result as { stdout: string }).stdout) as { added: unknown[]; failed: { path: string; reason: string }[] };
    expect(out.added).toHaveLength(report.added.length);
    const reasons = new Map(out.failed.map((f) => [path.basename(f.path), f.reason]));
    for (const e of expected.filter((x) => x.outcome === 'failed')) expect(reasons.get(e.name)).toContain(e.says);
  }, 120_000);
});
