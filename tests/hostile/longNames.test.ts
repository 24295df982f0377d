// Titles of 300 Chinese characters (a 文件名 pasted with its whole 标题) in the dossier's name,
// an indicator's name, a material's 题名, a 组照's captions: every export is written, every name
// fits a Linux file name (255 bytes) and a Windows path (260 characters from a usual
// 桌面 folder), and the files open.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobOf } from '../../shared/domain';
import { WINDOWS_MAX_PATH, fitWindowsName } from '../../electron/core/packets/naming';
import { exportJob } from '../helpers/exportJob';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import sharp from 'sharp';
import { textPdf } from './hostilePdfs';

const long = (prefix: string) => (prefix + '关于深入开展文明单位创建工作的实施方案和年度总结报告').repeat(20).slice(0, 300);

describe('300-character names in every export', () => {
  let t: TestArchive;
  let job: JobOf<'export'>;
  let outDir: string;

  beforeAll(async () => {
    t = openTestArchive();
    const { system, indicators } = await sampleDossier(t.api);
    const leafOf = indicators.find((i) => !indicators.some((j) => j.parentId === i.id))!;
    const leaf = await t.api['indicators.update']({ indicatorId: leafOf.id, fields: { title: long('指标') } });
    await t.api['indicators.update']({ indicatorId: leaf.parentId!, fields: { title: long('类别') } });
    const dossier = await t.api['dossiers.create']({ name: long('档案').slice(0, 200), unit: '示例单位', systemId: system.id });
    const inputs = tempDir('dossier-long-names-');
    await textPdf(path.join(inputs, 'a.pdf'), 'long title document');
    const photos = [1, 2, 3].map((n) => path.join(inputs, `p${n}.jpg`));
    for (const [i, p] of photos.entries()) {
      await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40 * i, g: 120, b: 200 } } }).jpeg().toFile(p);
    }
    const added = await t.api['materials.add']({ dossierId: dossier.id, paths: [path.join(inputs, 'a.pdf'), ...photos], indicatorIds: [leaf.id] });
    expect(added.failed).toEqual([]);
    const [pdf, ...photoMaterials] = added.added.map((a) => a.material);
    await t.api['materials.update']({ materialId: pdf.id, fields: { title: long('题名') } });
    const group = await t.api['materials.groupPhotos']({ dossierId: dossier.id, materialIds: photoMaterials.map((m) => m.id), title: long('组照') });
    await t.api['materials.updateGroup']({
      materialId: group.id,
      photos: group.photos.map((p, i) => ({ sha256: p.sha256, caption: long(`说明${i}`) })),
    });
    outDir = path.join(tempDir('dossier-long-out-'), '桌面', '迎检资料导出');
    job = await exportJob(t.api, { dossierId: dossier.id, outDir, pdf: true, xlsx: true, folder: true, zip: true, online: true });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('writes every output, each name within 255 bytes', () => {
    const r = job.result!;
    for (const p of [r.pdfPath!, r.xlsxPath!, r.zipPath!]) expect(fs.existsSync(p), p).toBe(true);
    const all = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' });
    expect(all.length).toBeGreaterThan(3);
    for (const rel of all) for (const part of rel.split(path.sep)) expect(Buffer.byteLength(part), part).toBeLessThanOrEqual(255);
  });

  it('keeps every path inside the zip within the Windows limit from this folder', () => {
    const list = spawnSync('unzip', ['-Z1', job.result!.zipPath!], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    const entries = list.stdout.trim().split('\n');
    expect(entries.length).toBeGreaterThanOrEqual(5);
    // Explorer's 全部解压缩 makes a folder named after the zip, and the entries start with the folder's name.
    const extractedTo = `C:\\Users\\办公室\\Desktop\\迎检资料导出\\${path.basename(job.result!.zipPath!, '.zip')}`;
    expect(outDir.length).toBeGreaterThanOrEqual('C:\\Users\\办公室\\Desktop\\迎检资料导出'.length);
    for (const e of entries) expect(`${extractedTo}\\${e}`.length, e).toBeLessThanOrEqual(WINDOWS_MAX_PATH);
    expect(spawnSync('unzip', ['-tq', job.result!.zipPath!]).status).toBe(0);
  });

  it('the packet and the workbook open', () => {
    expect(spawnSync('qpdf', ['--check', job.result!.pdfPath!]).status).toBe(0);
    expect(spawnSync('unzip', ['-tq', job.result!.xlsxPath!]).status).toBe(0);
  });

  it('fits a name to the Windows limit, start and extension kept, long names still distinct', () => {
    const parent = 'C:\\Users\\办公室\\Desktop\\迎检资料导出\\' + long('档案').slice(0, 60) + '-材料\\' + long('指标').slice(0, 60);
    const stem = `2024-D10-0001 ${long('题名').slice(0, 80)}`;
    const fitted = fitWindowsName(parent, stem, '.pdf');
    expect(`${parent}\\${fitted}`.length).toBeLessThanOrEqual(WINDOWS_MAX_PATH);
    expect(fitted.endsWith('.pdf')).toBe(true);
    expect(fitted.startsWith('2024-D10-0001 ')).toBe(true);
    expect(fitWindowsName(parent, `${stem}甲`, '.pdf')).not.toBe(fitWindowsName(parent, `${stem}乙`, '.pdf'));
    // Dots in a title are not an extension: the given one is kept, the title cut before it.
    const dotted = fitWindowsName(parent, `2024.3.15 ${long('会议')}`, '');
    expect(dotted.startsWith('2024.3.15 ')).toBe(true);
    expect(`${parent}\\${dotted}`.length).toBeLessThanOrEqual(WINDOWS_MAX_PATH);
    expect(fitWindowsName('C:\\导出', '乙', '.pdf')).toBe('乙.pdf');
  });
});
