// A Word document's pages in the packet look like the original (issue 13, point 4): its page
// size (a landscape page stays landscape), margins (where the 公文's text block sits on the page,
// from pdftoppm), header and footer text with Word's page numbers (pdftotext); a damaged DOCX
// still gets its placeholder page with the reason, and the rest of the packet goes on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api';
import type { JobOf } from '../../shared/domain';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { writeLandscapeDoc, writeWordFeatureDoc } from '../fixtures/docx/wordFeatures';
import { pdfText, renderPage } from '../helpers/pdfTools';
import { sampleDossier, tempDir } from '../helpers/tempArchive';

describe('DOCX pages in the packet', () => {
  const dir = tempDir('dossier-docxpages-');
  let ctx: CoreContext;
  let api: ApiClient;
  let job: JobOf<'export'>;
  let pageCount = 0;
  let firstMove: { ms: number; message: string } | null = null;
  let firstNamed: { ms: number; message: string } | null = null;
  const pdf = () => job.result!.pdfPath!;
  /** The packet page whose text contains `needle`. */
  const pageWith = (needle: string) => {
    for (let p = 1; p <= pageCount; p += 1) if (pdfText(pdf(), p).replace(/\s+/g, '').includes(needle)) return p;
    throw new Error(`no page with ${needle}`);
  };
  const pageSize = (page: number) => {
    const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf()], { encoding: 'utf8' });
    const m = new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(info)!;
    return { w: Number(m[1]), h: Number(m[2]) };
  };

  beforeAll(async () => {
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct', createRenderer: createChromiumRenderer });
    api = createDirectClient(createHandlers(ctx));
    const { dossier, indicators } = await sampleDossier(api);
    const leaves = indicators.filter((i) => !indicators.some((j) => j.parentId === i.id));
    const inputs = path.join(dir, 'inputs');
    fs.mkdirSync(inputs);
    const gongwen = await writeWordFeatureDoc(inputs, 'gongwen');
    const headerFooter = await writeWordFeatureDoc(inputs, 'headerFooter');
    const landscape = path.join(inputs, '横向统计表.docx');
    await writeLandscapeDoc(landscape);
    // A Word package whose document part is cut off mid-element (a truncated copy is refused at
    // import already, see tests/hostile).
    const damaged = path.join(inputs, '损坏的工作总结.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync(headerFooter));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.slice(0, Math.floor(xml.length / 2)));
    fs.writeFileSync(damaged, await zip.generateAsync({ type: 'nodebuffer' }));
    for (const [i, file] of [gongwen, headerFooter, landscape, damaged].entries()) {
      const report = await api['materials.add']({ dossierId: dossier.id, paths: [file], indicatorIds: [leaves[i].id] });
      expect(report.added, JSON.stringify(report.failed)).toHaveLength(1);
    }
    const packet = await api['packets.create']({ dossierId: dossier.id, name: '版式' });
    // Progress as the clerk's bar sees it: polled from the job's start.
    const started = performance.now();
    const { jobId } = await api['packets.export']({ packetId: packet.id, outDir: path.join(dir, 'out') });
    console.info(`export call returned after ${(performance.now() - started).toFixed(0)} ms`);
    for (;;) {
      const j = await api['jobs.get']({ jobId });
      if (j.kind !== 'export') throw new Error('not an export job');
      if (firstMove === null && j.progress > 0) firstMove = { ms: performance.now() - started, message: j.message };
      if (firstNamed === null && j.message.startsWith('正在编入迎检资料')) firstNamed = { ms: performance.now() - started, message: j.message };
      if (j.state !== 'running') {
        if (j.state !== 'done') throw new Error(`export ${j.state}: ${j.error}`);
        job = j;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    pageCount = job.result!.pageCount;
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('keeps the 公文 margins: the text block starts 37 mm from the top and 28 mm from the left', async () => {
    const page = pageWith('某某市文明办文件');
    expect(pageSize(page).w).toBeCloseTo(595.3, 0);
    const dpi = 72;
    const png = renderPage(pdf(), page, dpi);
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const mmPerPx = 25.4 / dpi;
    const dark = (x: number, y: number) => data[y * info.width + x] < 140;
    // Left edge of the body text, in the middle of the page (the 归档章 sits top right, the
    // packet's page number at the foot).
    let left = info.width;
    for (let y = Math.floor(info.height * 0.35); y < info.height * 0.75; y += 1)
      for (let x = 0; x < left; x += 1) if (dark(x, y)) left = x;
    // Top of the 红头, across the middle of the page width.
    let top = -1;
    for (let y = 0; y < info.height && top < 0; y += 1)
      for (let x = Math.floor(info.width * 0.3); x < info.width * 0.6; x += 1) if (dark(x, y)) top = y;
    expect(left * mmPerPx).toBeGreaterThan(27);
    expect(left * mmPerPx).toBeLessThan(30);
    expect(top * mmPerPx).toBeGreaterThan(36);
    expect(top * mmPerPx).toBeLessThan(44);
    // 仿宋 三号 body in red-headed 公文: the separator line under the 红头 is red.
    const rgb = await sharp(png).removeAlpha().raw().toBuffer();
    let red = 0;
    for (let i = 0; i < rgb.length; i += 3) if (rgb[i] > 180 && rgb[i + 1] < 80 && rgb[i + 2] < 80) red += 1;
    expect(red).toBeGreaterThan(500);
  });

  it('prints the header and footer with the page numbers Word would show', () => {
    const first = pageWith('第一部分');
    expect(pdfText(pdf(), first)).toContain('文明单位创建工作资料汇编');
    expect(pdfText(pdf(), first).replace(/\s+/g, '')).toContain('第1页');
    expect(pdfText(pdf(), first + 1).replace(/\s+/g, '')).toContain('第2页');
    expect(pdfText(pdf(), first + 1)).toContain('第二部分');
    // Word's own number runs on: the 公文's third page says “— 3 —”.
    expect(pdfText(pdf(), pageWith('某某市文明办文件') + 2).replace(/\s+/g, '')).toContain('—3—');
  });

  it('keeps a landscape page landscape', () => {
    const size = pageSize(pageWith('横向统计表：志愿服务时长汇总'));
    expect(size.w).toBeCloseTo(841.9, 0);
    expect(size.h).toBeCloseTo(595.3, 0);
  });

  // The goal is a move within 1 s of the start: the bench measures it (packets section);
  // here the order is asserted and the times printed. The browser starts inside the job, so
  // the bar says so while it starts (seconds, the first time), then names each document.
  it('moves the progress bar while the browser starts, then names the first document', () => {
    expect(firstMove).not.toBeNull();
    expect(firstNamed).not.toBeNull();
    console.info(`progress first moved after ${firstMove!.ms.toFixed(0)} ms (${firstMove!.message}), named a document after ${firstNamed!.ms.toFixed(0)} ms`);
    expect(firstMove!.message).toBe('正在启动用于转换 PDF 的浏览器');
    expect(firstNamed!.message).toContain('正在编入迎检资料（1/4）');
  });

  it('gives a damaged DOCX a placeholder page saying why, and goes on', () => {
    // (Its title comes from the copy's docProps: the fixture's name.)
    const failed = job.result!.notices.filter((n) => n.reason.includes('文档转换为 PDF 失败'));
    expect(failed).toHaveLength(1);
    const page = pageWith('文档转换为PDF失败');
    expect(pdfText(pdf(), page)).toContain(failed[0].title);
    // The documents after it are in the packet all the same.
    expect(pageWith('横向统计表：志愿服务时长汇总')).toBeGreaterThan(0);
  });
});
