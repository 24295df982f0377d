// DOCX rendering through the packet path against a bare loop that prints the same HTML in one
// reused Chromium page (issue 13: goal ≤ 1.5×), and DOCX pages per second, in one run.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { docxLayout } from '../electron/core/extract/docx';
import { subsetNoto } from '../electron/core/packets/pdf/fonts';
import { renderDocx } from '../electron/core/packets/htmlSources';
import { findChromium, headlessChromiumArgs } from '../electron/core/render/chromiumLaunch';
import { createChromiumRenderer } from '../electron/core/render/chromiumRenderer';
import { docxPrintHtml } from '../electron/core/render/docxPrint';
import { writeWordFeatureDoc, wordFeatureDocs, type WordFeatureDoc } from '../tests/fixtures/docx/wordFeatures';
import { tempDir, timed } from './util';

export async function benchDocxPages(rounds = Number(process.env.BENCH_DOCX_ROUNDS ?? 3)) {
  const dir = tempDir('dossier-bench-docx-');
  const names = Object.keys(wordFeatureDocs) as WordFeatureDoc[];
  const files: string[] = [];
  for (let r = 0; r < rounds; r += 1) for (const n of names) files.push(await writeWordFeatureDoc(dir, n).then((f) => { const g = f.replace(/\.docx$/, `-${r}.docx`); fs.renameSync(f, g); return g; }));
  // The same HTML the packet prints, made beforehand for the bare loop.
  const htmls: string[] = [];
  for (const f of files) {
    const layout = await docxLayout(fs.readFileSync(f));
    htmls.push(docxPrintHtml('bench', layout, { family: 'Dossier Noto Sans SC', bytes: await subsetNoto('regular', layout.body.replace(/data:[^"')\s]+/g, '')) }));
  }
  const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: headlessChromiumArgs });
  const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
  const bare = await timed(async () => {
    for (const html of htmls) {
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    }
  });
  await browser.close();
  const renderer = (await createChromiumRenderer())!;
  await renderer.start();
  let pages = 0;
  const ours = await timed(async () => {
    const pdfs = await Promise.all(files.map((f) => renderDocx(f, 'bench', renderer)));
    for (const pdf of pdfs) pages += (await PDFDocument.load(pdf)).getPageCount();
  });
  await renderer.close();
  return {
    bench: 'DOCX pages (packet path vs bare reused-page loop)',
    documents: files.length,
    pages,
    oursMs: Math.round(ours.ms),
    bareLoopMs: Math.round(bare.ms),
    ratioVsBareLoop: Number((ours.ms / bare.ms).toFixed(2)),
    goalRatio: '≤ 1.5',
    docxPagesPerSecond: Number((pages / (ours.ms / 1000)).toFixed(2)),
  };
}
