// Files from anywhere, as an attacker would send them: folders whose links loop or lead out of
// the chosen tree, programs and scripts under document names, an image whose header claims 3.6
// billion pixels. The walk ends, nothing outside the chosen folder is filed, nothing runnable
// is kept or handed to the shell, and each refusal names its reason.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyForViewing } from '../../electron/core/materials/openCopy';
import { runDossier } from '../helpers/cli';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

interface AddJson {
  added: { path: string; sha256: string }[];
  failed: { path: string; reason: string }[];
}

/** A PNG whose header says width × height, with one tiny (wrong) image data chunk. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('hostile files and folders', () => {
  const work = tempDir('dossier-hostile-');
  const archive = path.join(work, 'archive');
  const chosen = path.join(work, '收到的材料');
  const outside = path.join(work, '别处的文件');
  let report: AddJson;
  let code: number;

  beforeAll(async () => {
    fs.mkdirSync(path.join(chosen, '子文件夹'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(chosen, '工作总结.txt'), '本年度创建工作总结\n');
    fs.writeFileSync(path.join(chosen, '子文件夹', '活动记录.txt'), '志愿服务活动记录\n');
    fs.writeFileSync(path.join(outside, '不应导入.txt'), '所选文件夹以外的文件\n');
    // A loop back to the chosen folder, a link out of it, a link to a file inside it.
    fs.symlinkSync(chosen, path.join(chosen, '子文件夹', '回到上级'), 'dir');
    fs.symlinkSync(outside, path.join(chosen, '外部链接'), 'dir');
    fs.symlinkSync(path.join(chosen, '工作总结.txt'), path.join(chosen, '总结的链接.txt'), 'file');
    // Programs and scripts, named to pass for documents or not.
    const mz = Buffer.alloc(512);
    mz.write('MZ', 0, 'latin1');
    mz.writeUInt32LE(0x80, 0x3c);
    mz.write('PE\0\0', 0x80, 'latin1');
    fs.writeFileSync(path.join(chosen, '关于表彰的通知.pdf.exe'), mz);
    fs.writeFileSync(path.join(chosen, '安装说明.bat'), '@echo off\r\ndel /q C:\\*\r\n');
    fs.writeFileSync(path.join(chosen, '查看.hta'), '<script>new ActiveXObject("WScript.Shell")</script>');
    fs.writeFileSync(path.join(chosen, '宏.vbs'), 'CreateObject("WScript.Shell").Run "calc"');
    fs.writeFileSync(path.join(chosen, '快捷方式.lnk'), Buffer.from('4c0000000114020000000000c000000000000046', 'hex'));
    fs.writeFileSync(path.join(chosen, '没有扩展名的程序'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]));
    fs.writeFileSync(path.join(chosen, '改了扩展名的程序.dat'), mz);
    fs.writeFileSync(path.join(chosen, '巨幅照片.png'), pngClaiming(60000, 60000));

    expect((await runDossier(['init', '--archive', archive, '--name', '收件'])).code).toBe(0);
    const run = await runDossier(['add', chosen, '--archive', archive, '--json']);
    code = run.code;
    report = JSON.parse(run.stdout) as AddJson;
  }, 120_000);

  const reasonOf = (name: string) => report.failed.find((f) => path.basename(f.path) === name)?.reason ?? '';

  it('walks the chosen folder once: links are skipped with a reason, nothing outside is filed', () => {
    expect(code).toBe(1); // some files were refused: the command says so by its exit code
    expect(report.added.map((a) => path.basename(a.path)).sort()).toEqual(['工作总结.txt', '活动记录.txt']);
    for (const link of ['回到上级', '外部链接', '总结的链接.txt']) expect(reasonOf(link), link).toContain('快捷链接');
  });

  it('refuses programs, scripts and shortcuts by name and by content', () => {
    expect(reasonOf('关于表彰的通知.pdf.exe')).toContain('伪装成 .pdf 文件');
    for (const name of ['安装说明.bat', '查看.hta', '宏.vbs', '快捷方式.lnk']) expect(reasonOf(name), name).toContain('可执行程序、脚本或快捷方式');
    expect(reasonOf('没有扩展名的程序')).toContain('内容是可执行程序');
    expect(reasonOf('改了扩展名的程序.dat')).toContain('内容是可执行程序');
  });

  it('names the pixel count of an image too large to decode', () => {
    expect(reasonOf('巨幅照片.png')).toContain('像素过多（60000 × 60000');
  });
});

describe('打开原件 never hands a runnable name to the shell', () => {
  let t: TestArchive;
  afterAll(async () => t?.close());

  it('refuses a copy under a program name, gives one under a document name', async () => {
    t = openTestArchive();
    const { dossier } = await sampleDossier(t.api);
    const file = path.join(tempDir('dossier-open-'), '通知.txt');
    fs.writeFileSync(file, '会议通知\n');
    const { added } = await t.api['materials.add']({ dossierId: dossier.id, paths: [file], indicatorIds: [] });
    const sha = added[0].material.sha256;
    await expect(copyForViewing(t.ctx.archive, sha, '通知.txt.exe')).rejects.toThrow('可执行程序或脚本');
    await expect(copyForViewing(t.ctx.archive, sha, '通知.cmd')).rejects.toThrow('可执行程序或脚本');
    expect(fs.readFileSync(await copyForViewing(t.ctx.archive, sha, '通知.txt'), 'utf8')).toBe('会议通知\n');
  });
});
