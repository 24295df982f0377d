// OFD through the packet path: reading a many-page 公文 into the page model (ms per page, the
// work import, search and preview do on the calling thread), and printing it against a bare
// loop that prints the same HTML in one reused Chromium page.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { readOfd } from '../electron/core/ofd/document';
import { ofdPrintHtml, shownCharacters } from '../electron/core/ofd/html';
import { renderOfd } from '../electron/core/ofd/render';
import { subsetNoto } from '../electron/core/packets/pdf/fonts';
import { findChromium, headlessChromiumArgs } from '../electron/core/render/chromiumLaunch';
import { createChromiumRenderer } from '../electron/core/render/chromiumRenderer';
import { buildOfd, type SamplePage } from '../tests/helpers/ofdSamples';
import { tempDir, timed } from './util';

export async function benchOfdPages(pageCount = Number(process.env.BENCH_OFD_PAGES ?? 50)) {
  const line = '为深入推进全国文明城市创建工作，现将有关事项通知如下，请认真组织落实。';
  const pages: SamplePage[] = Array.from({ length: pageCount }, (_, p) => ({
    texts: Array.from({ length: 22 }, (_, i) => ({ x: 28, y: 40 + i * 10, size: 5.6, text: `${p + 1}-${i + 1} ${line}`.slice(0, 28) })),
    redRules: p === 0 ? [{ x0: 25, x1: 185, y: 30 }] : [],
  }));
  const bytes = await buildOfd({ pages });
  const file = path.join(tempDir('dossier-bench-ofd-'), 'bench.ofd');
  fs.writeFileSync(file, bytes);
  const read = await timed(() => readOfd(bytes));
  const doc = read.value;
  const html = ofdPrintHtml('bench', doc, { family: 'Dossier Noto Sans SC', bytes: await subsetNoto('regular', shownCharacters(doc)) });
  const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: headlessChromiumArgs });
  const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
  const bare = await timed(async () => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  });
  await browser.close();
  const renderer = (await createChromiumRenderer())!;
  await renderer.start();
  const ours = await timed(() => renderOfd(file, 'bench', renderer));
  await renderer.close();
  const printed = (await PDFDocument.load(ours.value)).getPageCount();
  return {
    bench: 'OFD pages (read into the page model; packet print vs bare reused-page print of the same HTML)',
    pages: printed,
    readMsPerPage: Number((read.ms / pageCount).toFixed(2)),
    oursMs: Math.round(ours.ms),
    bareLoopMs: Math.round(bare.ms),
    ratioVsBareLoop: Number((ours.ms / bare.ms).toFixed(2)),
    ofdPagesPerSecond: Number((printed / (ours.ms / 1000)).toFixed(2)),
  };
}
