// A scan stored sideways (/Rotate 90 or 270, as some scanners and phone apps write it): OCR reads
// the page as shown, and the packet's invisible text runs along the lines where a reader shows
// them, so that selecting and copying a line in the packet gets that line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJob } from '../helpers/exportJob';
import { sidewaysScannedPdf } from '../helpers/scannedPdf';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

const FIRST_LINE = '关于开展文明交通劝导活动的通知';

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words with their boxes (poppler's -bbox output), per page. */
function wordsByPage(pdf: string): { width: number; height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5],
    })),
  }));
}

describe('sideways scans', { timeout: 300_000 }, () => {
  const dir = tempDir('dossier-sideways-');
  let t: TestArchive;
  let dossierId: number;
  beforeAll(async () => {
    t = openTestArchive(dir);
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    const leaf = sample.indicators.find((i) => !sample.indicators.some((c) => c.parentId === i.id))!;
    const files = await Promise.all(
      ([90, 270] as const).map(async (angle) => {
        const file = path.join(dir, `横放扫描件${angle}.pdf`);
        fs.writeFileSync(file, await sidewaysScannedPdf([FIRST_LINE, '请各科室于周五前报送劝导志愿者名单。'], angle));
        return file;
      }),
    );
    await t.api['materials.add']({ dossierId, paths: files, indicatorIds: [leaf.id] });
    const job = await t.ctx.jobs.wait((await t.api['ocr.start']({})).id);
    expect(job.kind === 'ocr' && job.result).toMatchObject({ read: 2, failed: [] });
  });
  afterAll(() => t?.close());

  it('lays the text of a /Rotate 90 and a /Rotate 270 scan along its lines, at the top of the page as shown', async () => {
    const job = await exportJob(t.api, { dossierId, outDir: path.join(dir, 'packet'), xlsx: false, folder: false, allowPlaceholders: true });
    const pages = wordsByPage(job.result!.pdfPath!).filter((p) => p.words.some((w) => w.text.includes('文明交通')));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      // poppler gives the page's own (landscape) size, but the word boxes as the page is shown:
      // portrait, as scanned.
      const shown = { width: Math.min(page.width, page.height), height: Math.max(page.width, page.height) };
      const word = page.words.find((w) => w.text.includes('文明交通'))!;
      // A line across the page near its top, not a column down its side.
      expect(word.xMax - word.xMin).toBeGreaterThan(4 * (word.yMax - word.yMin));
      expect(word.yMin / shown.height).toBeLessThan(0.2);
      expect(word.xMin / shown.width).toBeLessThan(0.3);
      expect(page.words.map((w) => w.text).join('')).toContain('劝导志愿者名单');
    }
  });
});
