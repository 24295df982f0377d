// Point 4: an import or export that hits a full disk or a read-only folder stops with a clear
// message and leaves the archive as it was.
//  - Disk full: the store's temp stream is opened on /dev/full, where the kernel answers every
//    write with ENOSPC: the real error, through the real write path (no tmpfs can be mounted here).
//  - Read-only: tests run as root, who may write anywhere, so the CLI runs as `nobody` (setpriv)
//    against folders it may not write to: the real EACCES from the kernel.
import { createWriteStream } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMaterials } from '../../electron/core/materials/add';
import { BlobStore } from '../../electron/core/store/blobStore';
import { runDossier } from '../helpers/cli';
import { openTestArchive, tempDir } from '../helpers/tempArchive';
import { png } from '../packets/fixtures';
import { plainPdf } from './fixtures';
import { inspectArchive } from './helpers';

const NOBODY = 65534;
const asNobody = (...args: string[]) => runDossier(args, { uid: NOBODY });

function chownTree(dir: string, uid: number): void {
  fs.chownSync(dir, uid, uid);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, uid);
    else fs.chownSync(p, uid, uid);
  }
}

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      // tmp/ holds the open process's own temp area, gone once it closes.
      if (e.isDirectory()) {
        if (!(d === dir && e.name === 'tmp')) walk(p);
      }
      // The database is compared by its rows (inspectArchive), not its size, which WAL checkpoints change.
      else if (!/^archive\.db/.test(e.name)) out.push(`${path.relative(dir, p)}:${fs.statSync(p).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('disk full and read-only folders', () => {
  const inputs = tempDir('dossier-disk-in-');
  beforeAll(async () => {
    await plainPdf(path.join(inputs, '实施方案.pdf'), 2);
    await png(path.join(inputs, '活动照片.png'), 60, 40);
    fs.chmodSync(inputs, 0o755);
    for (const f of fs.readdirSync(inputs)) fs.chmodSync(path.join(inputs, f), 0o644);
    fs.chmodSync(path.dirname(inputs), 0o1777);
  });

  it('a full disk stops each file with “磁盘空间不足” and adds nothing', async () => {
    const t = openTestArchive();
    const d = await t.api['dossiers.create']({ name: '磁盘已满测试' });
    const { archive } = t.ctx;
    const before = snapshot(archive.root);
    archive.store = new BlobStore(archive.store.filesDir, archive.store.tmpDir, { createTempStream: () => createWriteStream('/dev/full') });
    const report = await addMaterials(archive, { dossierId: d.id, paths: [inputs], indicatorIds: [] });
    expect(report.added).toEqual([]);
    expect(report.failed.map((f) => path.basename(f.path)).sort()).toEqual(['实施方案.pdf', '活动照片.png']);
    for (const f of report.failed) expect(f.reason).toMatch(/^档案库所在磁盘空间不足.*档案库未改动$/);
    expect(fs.readdirSync(archive.tmpDir)).toEqual(['session.json']);
    await t.close();
    expect(snapshot(t.dir)).toEqual(before);
    expect(await inspectArchive(t.dir)).toMatchObject({ materials: 0, blobs: 0, filesOnDisk: 0, broken: [] });
  });

  it('an import into an archive whose store is read-only fails with a clear message and changes nothing', async () => {
    const t = openTestArchive();
    await t.api['dossiers.create']({ name: '只读测试' });
    await t.close();
    chownTree(t.dir, NOBODY);
    fs.chownSync(path.join(t.dir, 'files'), 0, 0); // the store folder stays root's: nobody cannot write it
    fs.chmodSync(path.join(t.dir, 'files'), 0o755);
    fs.chmodSync(path.dirname(t.dir), 0o1777);
    const before = snapshot(t.dir);
    const r = await asNobody('add', inputs, '--archive', t.dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { added: unknown[]; failed: { path: string; reason: string }[] };
    expect(report.added).toEqual([]);
    expect(report.failed).toHaveLength(2);
    for (const f of report.failed) expect(f.reason).toContain('没有写入档案库文件夹的权限');
    expect(r.stderr).toContain('实施方案.pdf');
    expect(snapshot(t.dir)).toEqual(before);
    expect(await inspectArchive(t.dir)).toMatchObject({ materials: 0, filesOnDisk: 0, broken: [] });
  });

  it('a backup or report export to a read-only folder fails clearly and leaves nothing behind', async () => {
    const t = openTestArchive();
    const d = await t.api['dossiers.create']({ name: '只读导出测试' });
    await t.api['materials.add']({ dossierId: d.id, paths: [inputs] });
    await t.close();
    chownTree(t.dir, NOBODY);
    fs.chmodSync(path.dirname(t.dir), 0o1777);
    const readOnly = tempDir('dossier-ro-');
    fs.chmodSync(readOnly, 0o555); // root-owned, not writable by nobody
    const before = snapshot(t.dir);

    const backup = await asNobody('backup', '--archive', t.dir, '--out', path.join(readOnly, 'b.zip'));
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('没有写入权限');
    expect(backup.stderr).toContain('档案库未受影响');
    const report = await asNobody('verify', '--archive', t.dir, '--pdf', readOnly);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('无法写入检测报告');
    expect(fs.readdirSync(readOnly)).toEqual([]);
    expect(snapshot(t.dir).filter((f) => !f.startsWith('tmp/'))).toEqual(before.filter((f) => !f.startsWith('tmp/')));
    expect((await inspectArchive(t.dir)).broken).toEqual([]);
  });
});
