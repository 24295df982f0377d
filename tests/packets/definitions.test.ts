// Saved packet definitions (迎检资料方案) end to end: a subset of indicators and materials, the
// clerk's order, cover details, layout options, 档号 rule with 归档章, 网上申报 PDFs under a size
// cap, the folder as one zip, volumes — checked on the written files with poppler and qpdf.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api';
import type { Indicator, JobOf, Material } from '../../shared/domain';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { listZip } from '../../electron/core/zip';
import { sampleDossier, tempDir } from '../helpers/tempArchive';
import { chinesePdf, docx, inputPath } from './fixtures';
import { exportJob } from '../helpers/exportJob';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });


/** A photo that does not compress well: noise, so the size cap has something to squeeze. */
async function noisyJpeg(file: string, seed: number): Promise<void> {
  await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: seed % 255, g: 120, b: 90 }, noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg({ quality: 95 })
    .toFile(file);
}

describe('saved packet definitions', () => {
  let dir: string;
  let ctx: CoreContext;
  let api: ApiClient;
  let dossierId: number;
  let indicators: Indicator[];
  let chosenRoot: Indicator;
  let otherRoot: Indicator;
  let chosenLeaves: Indicator[];
  let photos: Material[];
  let left: Material;
  let packetId: number;
  let job: JobOf<'export'>;
  const text = () => run('pdftotext', [job.result!.pdfPath!, '-']);

  beforeAll(async () => {
    dir = tempDir('dossier-definitions-');
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct', createRenderer: createChromiumRenderer });
    api = createDirectClient(createHandlers(ctx));
    const sample = await sampleDossier(api);
    dossierId = sample.dossier.id;
    indicators = sample.indicators;
    const roots = indicators.filter((i) => i.parentId === null);
    [chosenRoot, otherRoot] = roots;
    const subtree = (root: Indicator): Indicator[] => {
      const out = [root];
      for (const i of indicators) if (i.parentId !== null && out.some((o) => o.id === i.parentId)) out.push(i);
      return out;
    };
    const chosen = subtree(chosenRoot);
    chosenLeaves = chosen.filter((i) => !indicators.some((j) => j.parentId === i.id));
    const otherLeaf = subtree(otherRoot).find((i) => !indicators.some((j) => j.parentId === i.id))!;

    const inputs = path.join(dir, 'inputs');
    const files = {
      early: inputPath(inputs, '20240105 年初工作计划.pdf'),
      late: inputPath(inputs, '20240620 半年工作总结.pdf'),
      plan: inputPath(inputs, '创建工作方案.docx'),
      outside: inputPath(inputs, '20240301 其他类别材料.pdf'),
      leftOut: inputPath(inputs, '20240302 不编入的草稿.pdf'),
    };
    await chinesePdf(files.early, ['年初工作计划正文']);
    await chinesePdf(files.late, ['半年工作总结正文']);
    await docx(files.plan, ['创建工作方案正文']);
    await chinesePdf(files.outside, ['其他类别材料正文']);
    await chinesePdf(files.leftOut, ['草稿正文']);
    await api['materials.add']({ dossierId, paths: [files.late, files.early, files.plan], indicatorIds: [chosenLeaves[0].id] });
    left = (await api['materials.add']({ dossierId, paths: [files.leftOut], indicatorIds: [chosenLeaves[0].id] })).added[0].material;
    await api['materials.add']({ dossierId, paths: [files.outside], indicatorIds: [otherLeaf.id] });
    const photoFiles = [0, 1, 2].map((n) => inputPath(inputs, `现场照片${n + 1}.jpg`));
    for (const [n, f] of photoFiles.entries()) await noisyJpeg(f, n * 40);
    photos = (await api['materials.add']({ dossierId, paths: photoFiles, indicatorIds: [chosenLeaves[1].id] })).added.map((a) => a.material);
    const all = await api['materials.list']({ dossierId });
    const planMaterial = all.find((m) => m.title === '创建工作方案')!;

    await api['dossiers.setArchivalRule']({ dossierId, rule: { pattern: '{全宗号}-{年度}-{保管期限}-{件号}', fondsNumber: 'Z012', itemDigits: 4, defaultRetention: 'D10' } });
    const created = await api['packets.create']({
      dossierId,
      name: '第一类迎检资料',
      definition: {
        indicatorIds: chosen.map((i) => i.id),
        materialIds: all.filter((m) => m.id !== left.id).map((m) => m.id),
        // The clerk dragged the plan to the front; the rest go by date.
        materialOrder: [planMaterial.id],
        cover: { title: '第一类专项迎检资料', unit: '示例市文明办', date: '2024年7月1日' },
        layout: { catalogue: false, photosPerPage: 2, watermark: '仅供迎检使用', pageNumbers: true, imageQuality: 'standard' },
        archivalCode: { stamp: true },
      },
    });
    packetId = created.id;
    job = await exportJob(api, { packetId, outDir: path.join(dir, 'out'), zip: true, online: true, capMb: 1.5 });
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is saved and listed with every option as given', async () => {
    const list = await api['packets.list']({ dossierId });
    expect(list.map((p) => p.name)).toEqual(['第一类迎检资料']);
    expect(list[0].definition.layout).toMatchObject({ photosPerPage: 2, watermark: '仅供迎检使用', catalogue: false });
    await expect(api['packets.update']({ packetId, definition: { indicatorIds: [] } })).rejects.toThrow(/请至少选择一个指标/);
  });

  it('shows the custom cover and only the chosen indicators and materials, in the chosen order', () => {
    const t = text();
    expect(run('pdfinfo', [job.result!.pdfPath!])).toMatch(/^Title:\s+第一类专项迎检资料$/m);
    expect(t).toContain('第一类专项迎检资料');
    expect(t).toContain('示例市文明办');
    expect(t).toContain('2024年7月1日');
    expect(t).toContain(chosenRoot.title);
    expect(t).not.toContain(otherRoot.title);
    expect(t).not.toContain('其他类别材料');
    expect(t).not.toContain('不编入的草稿');
    const order = ['创建工作方案正文', '年初工作计划正文', '半年工作总结正文'].map((s) => t.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // No catalogue; watermark, page numbers and the 归档章 with the fonds number are there.
    expect(t).not.toMatch(/^目\s*录$/m);
    // The watermark runs diagonally: poppler reads it in raw order.
    expect(run('pdftotext', ['-raw', '-f', '2', '-l', '2', job.result!.pdfPath!, '-']).replace(/\s+/g, '')).toContain('仅供迎检使用');
    // (pdftotext may close up the footer's spaces on a page full of table cells.)
    expect(t).toMatch(/第\s*2\s*页\s*\/\s*共\s*\d+\s*页/);
    expect(t).toContain('全宗号');
    expect(t).toContain('Z012');
    expect(spawnSync('qpdf', ['--check', job.result!.pdfPath!]).status).toBe(0);
  });

  it('puts two photos on a page, each with its caption', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [job.result!.pdfPath!]))![1]);
    const withPhotos: number[] = [];
    for (let p = 1; p <= pages; p += 1) {
      const page = run('pdftotext', ['-f', String(p), '-l', String(p), job.result!.pdfPath!, '-']);
      const n = photos.filter((ph) => page.includes(`题名：${ph.title}`)).length;
      if (n) withPhotos.push(n);
    }
    expect(withPhotos).toEqual([2, 1]);
  });

  it('numbers 档号 by the dossier rule without gaps within each 年度, in the workbook and the zip', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(job.result!.xlsxPath!);
    const sheet = workbook.getWorksheet('归档文件目录')!;
    const codes = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(2).value));
    // 年度 from each material's date (undated ones: the year of numbering); 件号 count within
    // 年度 and 保管期限 (DA/T 22), in packet order on the first export.
    const byClass = new Map<string, number[]>();
    for (const c of codes) {
      const m = /^(Z012-\d{4}-D10)-(\d{4})$/.exec(c)!;
      expect(m, c).not.toBeNull();
      byClass.set(m[1], [...(byClass.get(m[1]) ?? []), Number(m[2])]);
    }
    for (const numbers of byClass.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(codes.filter((c) => c.includes('-2024-'))).toHaveLength(2);
    expect(job.result!.numbered).toBe(codes.length);
    expect(job.result!.folderPath).toBeNull();
    const entries = (await listZip(job.result!.zipPath!)).map((e) => e.name);
    expect(entries.some((n) => n.endsWith('/manifest-sha256.txt'))).toBe(true);
    expect(entries.some((n) => n.includes(`${codes[0]} 创建工作方案.docx`))).toBe(true);
    expect(fs.readdirSync(path.dirname(job.result!.zipPath!)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes one 网上申报 PDF per indicator under the cap, squeezing photos, and reports what cannot fit', () => {
    const online = job.result!.online;
    expect(online.map((o) => o.indicatorCode).sort()).toEqual([chosenLeaves[0].code, chosenLeaves[1].code].sort());
    const photoPdf = online.find((o) => o.indicatorCode === chosenLeaves[1].code)!;
    expect(photoPdf.fits).toBe(true);
    expect(fs.statSync(photoPdf.path!).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(spawnSync('qpdf', ['--check', photoPdf.path!]).status).toBe(0);
  });

  it('reports a 网上申报 PDF that cannot fit, with the reason', async () => {
    const small = await exportJob(api, { packetId, outDir: path.join(dir, 'tiny'), pdf: false, xlsx: false, folder: false, online: true, capMb: 0.01 });
    const r = small.result!.online;
    expect(r.every((o) => !o.fits && o.path === null)).toBe(true);
    expect(r[0].reason).toMatch(/超过上限/);
  });

  it('exports again after materials change, and splits large packets into volumes', async () => {
    const extra = inputPath(path.join(dir, 'inputs'), '20240801 新增宣传材料.pdf');
    await chinesePdf(extra, ['新增宣传材料正文']);
    await api['materials.add']({ dossierId, paths: [extra], indicatorIds: [chosenLeaves[0].id] });
    // The subset named materials; open it up to every material again.
    const p = (await api['packets.list']({ dossierId }))[0];
    await api['packets.update']({ packetId, definition: { ...p.definition, materialIds: null } });
    const again = await exportJob(api, { packetId, outDir: path.join(dir, 'again'), xlsx: false, folder: false, volumeMb: 0.5 });
    const volumes = again.result!.volumePaths;
    expect(volumes.length).toBeGreaterThan(1);
    expect(path.basename(volumes[1])).toMatch(/（第2册）\.pdf$/);
    const all = volumes.map((v) => run('pdftotext', [v, '-'])).join('\n');
    expect(all).toContain('新增宣传材料正文');
    expect(all).toContain('不编入的草稿');
    expect(run('pdftotext', ['-l', '1', volumes[1], '-'])).toMatch(/第\s*2\s*册\s*\/\s*共\s*\d+\s*册/);
  });

  it('deletes a definition', async () => {
    await api['packets.delete']({ packetId });
    expect(await api['packets.list']({ dossierId })).toEqual([]);
    await expect(api['packets.export']({ packetId, outDir: path.join(dir, 'x') })).rejects.toThrow(/不存在/);
  });
});
