// Point 7: zip-slip and zip bombs are refused before anything lands outside the target, and
// restore uses the same guard.
import { execFileSync } from 'node:child_process';
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

  it('writes ZIP64 past 4 GB and past 65,535 entries, readable by unzip, Python and the app reader', async () => {
    const dir = tempDir('dossier-zip64-');
    const huge = path.join(dir, 'huge.bin');
    const size = 4 * 1024 ** 3 + 12345;
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, size); // sparse: no disk used, reads as zeros
    const big = path.join(dir, 'big.zip');
    await writeZip(big, [{ name: 'a.txt', buffer: Buffer.from('前') }, { name: 'huge.bin', file: huge }, { name: 'z.txt', buffer: Buffer.from('后') }]);
    expect((await listZip(big, { maxEntries: 10, maxTotalBytes: 8 * 1024 ** 3, maxRatio: 1e9 })).map((e) => [e.name, e.size])).toEqual([
      ['a.txt', 3],
      ['huge.bin', size],
      ['z.txt', 3],
    ]);
    const listed = execFileSync('python3', ['-c', 'import sys,zipfile;print([(i.filename,i.file_size) for i in zipfile.ZipFile(sys.argv[1]).infolist()])', big], { encoding: 'utf8' });
    expect(listed.trim()).toBe(`[('a.txt', 3), ('huge.bin', ${size}), ('z.txt', 3)]`);

    const many = path.join(dir, 'many.zip');
    const count = 70_000;
    await writeZip(many, Array.from({ length: count }, (_, i) => ({ name: `d/${i}.txt`, buffer: Buffer.from(String(i)), compress: i % 2 === 0 })));
    expect(execFileSync('unzip', ['-tqq', many], { encoding: 'utf8' })).toBe('');
    const entries = await listZip(many, { maxEntries: count, maxTotalBytes: 1e9, maxRatio: 1e9 });
    expect(entries).toHaveLength(count);
    expect(execFileSync('unzip', ['-p', many, 'd/69999.txt'], { encoding: 'utf8' })).toBe('69999');
  }, 180_000);

  it('extraction checks every entry against its CRC-32', async () => {
    const dir = tempDir('dossier-zip-');
    const zip = path.join(dir, 'a.zip');
    await writeZip(zip, [{ name: 'a.txt', buffer: Buffer.from('原件内容'.repeat(100)), compress: false }]);
    const bytes = fs.readFileSync(zip);
    bytes[bytes.indexOf(Buffer.from('原件内容')) + 5] ^= 0x20;
    fs.writeFileSync(zip, bytes);
    await expect(extractZip(zip, path.join(dir, 'x'))).rejects.toThrow('校验值（CRC）不符');
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
