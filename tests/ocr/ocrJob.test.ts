// OCR of scans after import (issue 14): scanned PDFs made here (text drawn as an image, no text
// layer) are stored at once as `pending`, read by the background job, found by search with a
// snippet; a damaged scan gets a Chinese reason and the rest go on; cancel and a restart lose
// nothing read. Kept to a few small pages: the models run on a shared CPU.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { exportJob } from '../helpers/exportJob';
import { pdfText } from '../helpers/pdfTools';
import { scannedPdf } from '../helpers/scannedPdf';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

const PAGE_ONE = ['关于开展志愿服务活动的通知', '各科室：请于每月底前报送志愿服务台账。'];
const PAGE_TWO = ['垃圾分类宣传进社区', '本周六上午九点在文化广场集合。'];

describe('OCR job', { timeout: 300_000 }, () => {
  const dir = tempDir('dossier-ocr-');
  const inputs = tempDir('dossier-ocr-in-');
  let t: TestArchive;
  let dossierId: number;

  const material = async (title: string) => (await t.api['materials.list']({ dossierId })).find((m) => m.title === title)!;
  const savedPages = () => t.ctx.archive.db.prepare('SELECT page, rowid AS row FROM blob_ocr_page ORDER BY page').all() as { page: number; row: number }[];

  beforeAll(async () => {
    fs.writeFileSync(path.join(inputs, '志愿服务通知（扫描件）.pdf'), await scannedPdf([PAGE_ONE, PAGE_TWO]));
    // A scan whose first page's JPEG is overwritten with junk: the PDF opens, the image does not decode.
    const damaged = Buffer.from(await scannedPdf([['这一页的图像已损坏'], ['第二页完好：创建档案管家']]));
    const at = damaged.indexOf('stream') + 300;
    damaged.fill(0x41, at, at + 4000);
    fs.mkdirSync(path.join(inputs, 'later'));
    fs.writeFileSync(path.join(inputs, 'later', '损坏的扫描件.pdf'), damaged);
    t = openTestArchive(dir);
    dossierId = (await sampleDossier(t.api)).dossier.id;
  });
  afterAll(() => t?.close());

  it('stores scans at once, waiting for OCR', async () => {
    const report = await t.api['materials.add']({ dossierId, paths: [path.join(inputs, '志愿服务通知（扫描件）.pdf')] });
    expect(report.failed).toEqual([]);
    expect(report.added.map((a) => a.material.ocr)).toEqual(['pending']);
    expect((await t.api['ocr.status']({})).pending).toBe(1);
    // Nothing was read yet: the word only on the scan is not found.
    expect((await t.api['materials.search']({ dossierId, query: '志愿服务台账' })).total).toBe(0);
  });

  it('cancel keeps what was read; after a restart the job goes on from there', async () => {
    const job = await t.api['ocr.start']({});
    while (savedPages().length === 0) await new Promise((r) => setTimeout(r, 100));
    await t.api['jobs.cancel']({ jobId: job.id });
    expect((await t.ctx.jobs.wait(job.id)).state).toBe('cancelled');
    const before = savedPages();
    expect(before.length).toBeGreaterThan(0);
    expect((await t.api['ocr.status']({})).pending).toBe(1);

    await t.close();
    t = openTestArchive(dir);
    const rerun = await t.ctx.jobs.wait((await t.api['ocr.start']({})).id);
    expect(rerun.state).toBe('done');
    // Pages read before the cancel were not read again.
    for (const p of before) expect(savedPages().find((s) => s.page === p.page)?.row).toBe(p.row);
    expect(rerun.kind === 'ocr' && rerun.result).toEqual({ read: 1, pages: 2, failed: [] });
  });

  it('names the page of a damaged scan that could not be read; its other pages are read', async () => {
    const report = await t.api['materials.add']({ dossierId, paths: [path.join(inputs, 'later')] });
    expect(report.added.map((a) => a.material.ocr)).toEqual(['pending']);
    const job = await t.ctx.jobs.wait((await t.api['ocr.start']({})).id);
    expect(job.kind === 'ocr' && job.result?.failed).toEqual([
      { materialTitle: '损坏的扫描件', reason: '第 1 页的扫描图像已损坏，无法识别（其余页面已识别）' },
    ]);
  });

  it('search finds words only present in the scans, with a snippet, and shows the OCR pages', async () => {
    const scan = await material('志愿服务通知（扫描件）');
    expect(scan).toMatchObject({ ocr: 'done', ocrPages: [1, 2], ocrError: '' });
    for (const word of ['志愿服务台账', '文化广场']) {
      const result = await t.api['materials.search']({ dossierId, query: word });
      expect(result.hits.map((h) => h.material.id)).toEqual([scan.id]);
      expect(result.hits[0].snippet).toContain(word);
    }
    const damaged = await material('损坏的扫描件');
    expect(damaged).toMatchObject({ ocr: 'failed', ocrPages: [2] });
    expect(damaged.ocrError).toContain('第 1 页');
    expect((await t.api['materials.search']({ dossierId, query: '创建档案管家' })).hits.map((h) => h.material.id)).toEqual([damaged.id]);
  });

  it('gives the packet an invisible text layer on the OCR pages, which pdftotext finds', async () => {
    const scan = await material('志愿服务通知（扫描件）');
    const { indicators } = { indicators: await t.api['indicators.list']({ systemId: (await t.api['dossiers.list']({}))[0].systemId! }) };
    const leaf = indicators.find((i) => !indicators.some((c) => c.parentId === i.id))!;
    await t.api['materials.link']({ materialId: scan.id, indicatorId: leaf.id });
    const outDir = path.join(dir, 'packet');
    const job = await exportJob(t.api, { dossierId, outDir, xlsx: false, folder: false, allowPlaceholders: true });
    const text = pdfText(job.result!.pdfPath!).replace(/\s+/g, '');
    expect(text).toContain('志愿服务台账');
    expect(text).toContain('垃圾分类宣传进社区');
    // Invisible: the text is drawn in render mode 3, so the page looks as scanned.
    const plain = path.join(dir, 'packet-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', job.result!.pdfPath!, plain]);
    expect(fs.readFileSync(plain, 'latin1')).toMatch(/\b3 Tr\b/);
  });

  it('marks only photos as documents', async () => {
    const scan = await material('志愿服务通知（扫描件）');
    await expect(t.api['materials.setDocument']({ materialIds: [scan.id], isDocument: true })).rejects.toThrow('不是照片');
  });
});
