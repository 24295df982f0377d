// Point 7: zip-slip and zip bombs are refused before anything lands outside the target, and
// restore uses the same guard.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../electron/core/backup/restoreBackup';
import { entryTarget, extractZip, listZip, writeZip } from '../../electron/core/zip';
import { tempDir } from '../helpers/tempArchive';
import { zipBomb, zipMany, zipSlip } from './fixtures';

describe('safe zip handling', () => {
  it('never maps an entry outside the target folder', () => {
    const root = '/tmp/target';
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:\\Windows\\x', 'C:/x', '..\\..\\x', 'a\\..\\..\\x', 'a\u0000b']) {
      expect(entryTarget(root, bad), bad).toBeNull();
    }
    expect(entryTarget(root, 'files/ab/cd/x')).toBe('/tmp/target/files/ab/cd/x');
  });

  it('refuses a zip-slip archive and writes nothing', async () => {
    const dir = tempDir('dossier-zip-');
    const zip = path.join(dir, 'slip.zip');
    await zipSlip(zip);
    const target = path.join(dir, 'deep', 'out');
    await expect(extractZip(zip, target)).rejects.toThrow('zip-slip');
    expect(fs.existsSync(path.join(dir, 'evil.txt'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'deep', 'evil.txt'))).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a zip bomb by total size, by ratio and by entry count', async () => {
    const dir = tempDir('dossier-zip-');
    const bomb = path.join(dir, 'bomb.zip');
    await zipBomb(bomb, 64);
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    await expect(extractZip(bomb, path.join(dir, 'a'), { maxEntries: 10, maxTotalBytes: 16 * 1024 ** 2, maxRatio: 1e9 })).rejects.toThrow('压缩炸弹');
    await expect(extractZip(bomb, path.join(dir, 'b'))).rejects.toThrow('压缩比异常');
    const many = path.join(dir, 'many.zip');
    await zipMany(many, 300);
    await expect(listZip(many, { maxEntries: 100, maxTotalBytes: 1e9, maxRatio: 200 })).rejects.toThrow('文件数超过上限');
    expect(fs.existsSync(path.join(dir, 'a'))).toBe(false);
  });

  it('restore refuses a zip-slip or zip-bomb “backup”', async () => {
    const dir = tempDir('dossier-zip-');
    await zipSlip(path.join(dir, 'slip.zip'));
    await zipBomb(path.join(dir, 'bomb.zip'), 32);
    await expect(restoreBackup(path.join(dir, 'slip.zip'), path.join(dir, 'r1'))).rejects.toThrow('zip-slip');
    await expect(restoreBackup(path.join(dir, 'bomb.zip'), path.join(dir, 'r2'), { limits: { maxTotalBytes: 8 * 1024 ** 2 } })).rejects.toThrow('压缩炸弹');
    expect(fs.readdirSync(dir).sort()).toEqual(['bomb.zip', 'slip.zip']);
  });

  it('writes zips atomically: a failed write leaves no file under the name', async () => {
    const dir = tempDir('dossier-zip-');
    const out = path.join(dir, 'out.zip');
    await expect(writeZip(out, [{ name: 'a.txt', buffer: Buffer.from('a') }, { name: 'b', file: path.join(dir, 'missing') }])).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
    await writeZip(out, [{ name: 'a.txt', buffer: Buffer.from('a') }]);
    expect((await listZip(out)).map((e) => e.name)).toEqual(['a.txt']);
  });
});
