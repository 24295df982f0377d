// 打开原件 in the desktop app opens a read-only copy under the clerk's file name, never the store.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { copyForViewing } from '../../electron/core/materials/openCopy';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';

describe('opening an original', () => {
  const t = openTestArchive();
  afterAll(() => t.close());

  it('copies the stored bytes under the original name, read-only, inside tmp/', async () => {
    const { dossier } = await sampleDossier(t.api);
    const file = path.join(tempDir(), '志愿服务活动照片.jpg');
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c63' } }).jpeg().toFile(file);
    const [added] = (await t.api['materials.add']({ dossierId: dossier.id, paths: [file] })).added;
    const copy = await copyForViewing(t.ctx.archive, added.material.sha256, '../../志愿服务活动照片.jpg');
    expect(path.basename(copy)).toBe('志愿服务活动照片.jpg');
    expect(path.relative(t.ctx.archive.tmpDir, copy).startsWith('..')).toBe(false);
    expect(fs.readFileSync(copy).equals(fs.readFileSync(file))).toBe(true);
    expect(fs.statSync(copy).mode & 0o222).toBe(0);
  });

  it('refuses anything but a hash the archive knows', async () => {
    await expect(copyForViewing(t.ctx.archive, 'f'.repeat(64), 'x.pdf')).rejects.toMatchObject({ code: 'not_found' });
    await expect(copyForViewing(t.ctx.archive, '../archive.db', 'x.pdf')).rejects.toMatchObject({ code: 'not_found' });
  });
});
