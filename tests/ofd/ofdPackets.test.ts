// Issue 14 point 4: an OFD's pages in the packet are its pages. The 红头 公文 page has its text
// (pdftotext), its red title red at the top of the page and its red seal where the 电子签章 put
// it (pdftoppm); a two-page OFD gives two pages at their own sizes (pdfinfo) with its picture
// in place; a template page's text is printed under the page's own; the PDF is printed once and kept, so a second export carries the same pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api';
import type { JobOf } from '../../shared/domain';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';
import { printedPdfPath } from '../../electron/core/packets/printedPdf';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { exportJob } from '../helpers/exportJob';
import { linkMaterial } from '../../electron/core/materials/links';
import { missingDocumentXml, OFD_ONLY_WORD, redHeadOfd, templateOfd, twoPageOfd } from '../helpers/ofdSamples';
import { pdfText, renderPage } from '../helpers/pdfTools';
import { sampleDossier, tempDir } from '../helpers/tempArchive';

describe('OFD pages in the packet', () => {
  const dir = tempDir('dossier-ofdpages-');
  let ctx: CoreContext;
  let api: ApiClient;
  let job: JobOf<'export'>;
  let packetId: number;
  let redSha = '';
  const pdf = () => job.result!.pdfPath!;
  const flat = (page: number) => pdfText(pdf(), page).replace(/\s+/g, '');
  const pageSize = (page: number) => {
    const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf()], { encoding: 'utf8' });
    const m = new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(info)!;
    return { w: Number(m[1]), h: Number(m[2]) };
  };
  const pageWith = (needle: string) => {
    for (let p = 1; p <= job.result!.pageCount; p += 1) if (flat(p).includes(needle)) return p;
    throw new Error(`no page with ${needle}`);
  };

  beforeAll(async () => {
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct', createRenderer: createChromiumRenderer });
    api = createDirectClient(createHandlers(ctx));
    const { dossier, indicators } = await sampleDossier(api);
    const leaves = indicators.filter((i) => !indicators.some((j) => j.parentId === i.id));
    const inputs = path.join(dir, 'inputs');
    fs.mkdirSync(inputs);
    const files: [string, Buffer][] = [
      ['关于开展文明创建工作的通知.ofd', await redHeadOfd()],
      ['创建工作台账.ofd', await twoPageOfd()],
      ['带模板的公文.ofd', await templateOfd()],
    ];
    for (const [i, [name, bytes]] of files.entries()) {
      fs.writeFileSync(path.join(inputs, name), bytes);
      const report = await api['materials.add']({ dossierId: dossier.id, paths: [path.join(inputs, name)], indicatorIds: [leaves[i].id] });
      expect(report.added, JSON.stringify(report.failed)).toHaveLength(1);
      if (i === 0) redSha = report.added[0].material.sha256;
    }
    // A stored OFD that no longer opens (rows written directly, as an older version that took
    // any .ofd would have): its placeholder page says why, and the packet goes on.
    const broken = path.join(inputs, 'broken.ofd');
    fs.writeFileSync(broken, await missingDocumentXml());
    const stored = await ctx.archive.store.putFile(broken);
    const now = new Date().toISOString();
    ctx.archive.db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, ?, 'application/ofd', ?)").run(stored.sha256, stored.size, now);
    const brokenId = Number(
      ctx.archive.db
        .prepare("INSERT INTO material (dossier_id, kind, sha256, original_name, title, created_at, updated_at) VALUES (?, 'document', ?, 'broken.ofd', '残缺的公文', ?, ?)")
        .run(dossier.id, stored.sha256, now, now).lastInsertRowid,
    );
    linkMaterial(ctx.archive.db, brokenId, leaves[3].id);
    packetId = (await api['packets.create']({ dossierId: dossier.id, name: '电子公文' })).id;
    job = await exportJob(api, { packetId, outDir: path.join(dir, 'out') });
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('puts the 公文 text on its page, in reading order', () => {
    const page = pageWith('某某市文明办文件');
    const text = flat(page);
    expect(text).toContain(OFD_ONLY_WORD);
    expect(text.indexOf('某某市文明办文件')).toBeLessThan(text.indexOf('关于开展文明创建工作的通知'));
  });

  it('gives an OFD that no longer opens a placeholder page saying why, and goes on', () => {
    expect(job.result!.notices.map((n) => [n.title, n.reason.includes('OFD 文件无法打开')])).toEqual([['残缺的公文', true]]);
    expect(flat(pageWith('OFD文件无法打开'))).toContain('残缺的公文');
    expect(pageWith('正文在模板之上')).toBeGreaterThan(0);
  });

  it('draws the title red at the top of the page and the seal red where the 电子签章 placed it', async () => {
    const dpi = 72;
    const png = renderPage(pdf(), pageWith('某某市文明办文件'), dpi);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const mm = (v: number) => Math.round((v / 25.4) * dpi);
    const redIn = (x0: number, y0: number, x1: number, y1: number) => {
      let red = 0;
      for (let y = mm(y0); y < mm(y1); y += 1)
        for (let x = mm(x0); x < mm(x1); x += 1) {
          const i = (y * info.width + x) * 3;
          if (data[i] > 180 && data[i + 1] < 90 && data[i + 2] < 90) red += 1;
        }
      return red;
    };
    // The title: 15 mm characters from x 30 to 150 mm, baseline at 45 mm.
    expect(redIn(30, 28, 150, 48)).toBeGreaterThan(800);
    // The red rule at 78 mm; the body below it is black.
    expect(redIn(25, 77, 185, 79.5)).toBeGreaterThan(200);
    expect(redIn(25, 120, 110, 142)).toBe(0);
    // The seal at 115–157 mm across, 180–222 mm down.
    expect(redIn(115, 180, 157, 222)).toBeGreaterThan(300);
  });

  it('gives a two-page OFD two pages, each at its own size, with its picture where the page put it', async () => {
    const first = pageWith('第一页：创建工作台账');
    expect(pageWith('第二页：志愿服务记录汇总')).toBe(first + 1);
    expect(pageSize(first).w).toBeCloseTo(595.3, 0);
    expect(pageSize(first).h).toBeCloseTo(841.9, 0);
    expect(pageSize(first + 1).w).toBeCloseTo(841.9, 0);
    expect(pageSize(first + 1).h).toBeCloseTo(595.3, 0);
    const dpi = 36;
    const png = renderPage(pdf(), first, dpi);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const blueAt = (xMm: number, yMm: number) => {
      const i = (Math.round((yMm / 25.4) * dpi) * info.width + Math.round((xMm / 25.4) * dpi)) * 3;
      return data[i + 2] > 180 && data[i] < 80;
    };
    // The picture fills 60–150 mm across and 100–160 mm down; nothing blue outside it.
    expect([blueAt(65, 105), blueAt(145, 155), blueAt(105, 130)]).toEqual([true, true, true]);
    expect([blueAt(55, 130), blueAt(105, 165)]).toEqual([false, false]);
  });

  it('prints a template page under the page', () => {
    const templated = flat(pageWith('正文在模板之上'));
    expect(templated).toContain('市文明办模板页脚');
  });

  it('prints each OFD once and keeps it: a second export carries the same pages', async () => {
    const kept = printedPdfPath(ctx.archive, 'ofd', redSha);
    const before = fs.statSync(kept).mtimeMs;
    const again = await exportJob(api, { packetId, outDir: path.join(dir, 'out2') });
    expect(fs.statSync(kept).mtimeMs).toBe(before);
    expect(pdfText(again.result!.pdfPath!)).toContain('某某市文明办文件');
  });
});
