// Point 3: one-file backup (database via SQLite's backup API, every blob, SHA-256 manifest),
// restore into a new folder verified before use, automatic backups keeping the last N.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup/createBackup';
import { BackupScheduler } from '../../electron/core/backup/scheduler';
import { manifestOfFolder, MANIFEST_NAME } from '../../electron/core/backup/manifest';
import { restoreBackup } from '../../electron/core/backup/restoreBackup';
import { extractZip, listZip } from '../../electron/core/zip';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { png } from '../packets/fixtures';
import { plainPdf } from './fixtures';
import { dossier } from './helpers';

describe('backup and restore', () => {
  let t: TestArchive;
  const inputs = tempDir('dossier-backup-in-');

  beforeAll(async () => {
    t = openTestArchive();
    const { dossier: d, indicators } = await sampleDossier(t.api);
    await plainPdf(path.join(inputs, '实施方案.pdf'), 2);
    await png(path.join(inputs, '活动照片.png'), 90, 60);
    fs.writeFileSync(path.join(inputs, '说明.txt'), '创建工作说明');
    const added = await t.api['materials.add']({ dossierId: d.id, paths: [inputs], indicatorIds: [indicators[1].id] });
    expect(added.added).toHaveLength(3);
  });
  afterAll(() => t.close());

  it('round-trips an archive through the CLI: manifests equal byte for byte, verify passes', async () => {
    const out = path.join(tempDir('dossier-backup-out-'), '档案备份.zip');
    await t.close(); // the CLI opens the archive itself
    const backed = await dossier('backup', '--archive', t.dir, '--out', out, '--json');
    expect(backed.code, backed.stderr).toBe(0);
    expect(JSON.parse(backed.stdout)).toMatchObject({ file: out, blobCount: 3 });

    // What the zip holds: the database snapshot, the three originals, a thumbnail, the manifest.
    const names = (await listZip(out)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['archive.db', MANIFEST_NAME, 'backup.json']));
    expect(names.filter((n) => n.startsWith('files/'))).toHaveLength(3);

    const target = path.join(tempDir('dossier-restore-'), '恢复的档案库');
    const restored = await dossier('restore', out, '--archive', target, '--json');
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ archivePath: target, report: { ok: true, filesChecked: 3 } });

    const inZip = tempDir('dossier-backup-x-');
    await extractZip(out, inZip);
    const original = fs.readFileSync(path.join(inZip, MANIFEST_NAME));
    const again = Buffer.from(await manifestOfFolder(target));
    expect(again.equals(original)).toBe(true);
    expect(original.toString().split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(5); // db + 3 files + thumb

    const list = await dossier('list', '--archive', target, '--json');
    expect((JSON.parse(list.stdout) as { title: string }[]).map((m) => m.title).sort()).toEqual(['实施方案', '活动照片', '说明']);
    expect((await dossier('verify', '--archive', target)).code).toBe(0);
    t = openTestArchive(t.dir);
  });

  it('refuses to restore over an existing archive, and refuses a damaged backup without leaving anything', async () => {
    const out = path.join(tempDir('dossier-backup-out-'), 'b.zip');
    await t.api['backup.create']({ outDir: path.dirname(out) });
    const [made] = fs.readdirSync(path.dirname(out));
    const zip = path.join(path.dirname(out), made);
    await expect(restoreBackup(zip, t.dir)).rejects.toThrow('不会覆盖已有档案库');

    // Flip one byte inside a stored (uncompressed) original: the manifest check must catch it.
    const bytes = fs.readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('创建工作说明'));
    expect(at).toBeGreaterThan(0);
    bytes[at] ^= 0x01;
    const damaged = path.join(path.dirname(out), 'damaged.zip');
    fs.writeFileSync(damaged, bytes);
    const parent = tempDir('dossier-restore-');
    await expect(restoreBackup(damaged, path.join(parent, 'x'))).rejects.toThrow(/损坏|CRC|crc/);
    expect(fs.readdirSync(parent)).toEqual([]); // no half-restored folder
  });

  it('takes one snapshot while materials are purged during the backup; the backup restores whole', async () => {
    const u = openTestArchive();
    try {
      const d = await u.api['dossiers.create']({ name: '清除与备份同时进行', unit: '示例单位' });
      const folder = tempDir('dossier-backup-purge-');
      for (let i = 0; i < 240; i += 1) fs.writeFileSync(path.join(folder, `记录${i}.txt`), `第 ${i} 份记录 ${'内容'.repeat(2000 + i)}`);
      const added = await u.api['materials.add']({ dossierId: d.id, paths: [folder], indicatorIds: [] });
      const ids = added.added.map((a) => a.material.id);
      await u.api['materials.trash']({ materialIds: ids });
      const out = path.join(tempDir('dossier-backup-out-'), '备份.zip');
      let finished = false;
      let purgedDuring = 0;
      const backup = createBackup(u.ctx.archive, out).finally(() => (finished = true));
      for (let i = 0; i < ids.length && !finished; i += 4) {
        await u.api['materials.purge']({ materialIds: ids.slice(i, i + 4) });
        if (!finished) purgedDuring += 4;
        await new Promise((r) => setImmediate(r));
      }
      await backup;
      expect(purgedDuring).toBeGreaterThan(0);
      const restored = await restoreBackup(out, path.join(tempDir('dossier-restore-'), 'r'));
      expect(restored.report).toMatchObject({ ok: true, problems: [] });
      const check = openTestArchive(restored.archivePath);
      const trash = await check.api['materials.listTrash']({ dossierId: d.id });
      for (const m of trash) expect(fs.existsSync(check.ctx.archive.store.pathFor(m.sha256)), m.title).toBe(true);
      expect(trash.length).toBeLessThan(ids.length);
      await check.close();
    } finally {
      await u.close();
    }
  }, 120_000);

  it('backs up an archive that has lost an original, and restores it with the loss named, not refused', async () => {
    const u = openTestArchive();
    try {
      const d = await u.api['dossiers.create']({ name: '缺原件的档案' });
      const dir = tempDir('dossier-backup-lost-');
      await plainPdf(path.join(dir, '在的.pdf'), 1, 'kept');
      await plainPdf(path.join(dir, '丢的.pdf'), 2, 'lost');
      const added = await u.api['materials.add']({ dossierId: d.id, paths: [dir], indicatorIds: [] });
      const lost = added.added.find((a) => a.path.endsWith('丢的.pdf'))!.material;
      fs.rmSync(u.ctx.archive.store.pathFor(lost.sha256), { force: true });
      const backup = await createBackup(u.ctx.archive, path.join(tempDir('dossier-backup-out-'), 'b.zip'));
      expect(backup.missingOriginals).toEqual([lost.sha256]);
      const restored = await restoreBackup(backup.file, path.join(tempDir('dossier-restore-'), 'r'));
      expect(restored.report.ok).toBe(false);
      expect(restored.report.problems.map((p) => p.message).join('\n')).toContain('原始文件缺失');
      expect(restored.report.problems.filter((p) => p.severity === 'error')).toHaveLength(1);
    } finally {
      await u.close();
    }
  });

  it('backs up on a schedule and on exit, keeping the newest N automatic backups', async () => {
    const dir = tempDir('dossier-auto-');
    const made: string[] = [];
    const scheduler = new BackupScheduler({ archive: t.ctx.archive, dir, intervalMs: 150, keep: 2, onBackup: (r) => made.push(r.file) });
    expect(await scheduler.runNow()).not.toBeNull();
    expect(await scheduler.runNow()).toBeNull(); // nothing changed: skipped
    scheduler.start();
    for (let i = 0; i < 3; i += 1) {
      t.ctx.archive.db.prepare("UPDATE dossier SET unit = ? WHERE id = 1").run(`单位${i}`);
      const before = made.length;
      while (made.length === before) await new Promise((r) => setTimeout(r, 50));
    }
    t.ctx.archive.db.prepare("UPDATE dossier SET unit = '退出前'").run();
    const last = await scheduler.stop(true);
    expect(last).not.toBeNull();
    expect(made.length).toBeGreaterThanOrEqual(5);
    const kept = fs.readdirSync(dir).filter((n) => n.endsWith('.zip')).sort();
    expect(kept).toHaveLength(2);
    expect(path.join(dir, kept[1])).toBe(last!.file);
    const target = path.join(tempDir('dossier-restore-'), 'r');
    const r = await restoreBackup(last!.file, target);
    expect(r.report.ok).toBe(true);
    const check = openTestArchive(target);
    expect((await check.api['dossiers.list']({}))[0].unit).toBe('退出前');
    await check.close();
  });
});
