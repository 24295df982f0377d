// OCR (issue 14): pages of known Chinese text made here (drawn with the repository's Noto Sans
// SC, wrapped as a scanned PDF without a text layer, rasterised by pdftoppm at the DPI the app
// renders at), read by our PP-OCRv4 pipeline and by `tesseract -l chi_sim` on the same images.
// Goals: throughput ≥ 1.0× tesseract, character error rate ≤ 3 %, peak memory ≤ 1.5 GB; and
// importing a 50-page scan takes no longer than a 50-page PDF with text (OCR runs afterwards).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { OcrEngine } from '../electron/core/ocr/engine';
import { scannedPdf } from '../tests/helpers/scannedPdf';
import { openTestArchive, sampleDossier } from '../tests/helpers/tempArchive';
import { tempDir, timed, withPeakRss } from './util';

const DPI = 150;
const SENTENCES = [
  '为深入贯彻落实全国文明城市创建工作要求，进一步提升市民文明素质和城市文明程度，',
  '现将本单位志愿服务活动开展情况报告如下。',
  '一是健全组织机构，成立由主要负责同志任组长的创建工作领导小组，',
  '明确职责分工，形成一级抓一级、层层抓落实的工作格局。',
  '二是加强宣传教育，利用宣传栏、电子显示屏和微信公众号开展社会主义核心价值观宣传，',
  '全年组织专题学习十二次，参与职工三百余人次。',
  '三是开展志愿服务，围绕文明交通、垃圾分类、关爱老人等主题组织志愿者走进社区，',
  '累计服务时长两千四百小时，受到群众广泛好评。',
  '四是规范台账管理，按照测评体系要求分类归档各项材料，做到有据可查、有迹可循。',
  '下一步，我们将继续巩固创建成果，完善长效机制，推动文明创建工作常态化、制度化。',
];

/** One dense A4 page: 12-point lines as a report is typed, different on every page. */
function pageLines(n: number): string[] {
  const lines: string[] = [`第${n}页　关于文明单位创建工作情况的报告`];
  for (let i = 0; i < 30; i += 1) lines.push(SENTENCES[(n * 7 + i) % SENTENCES.length]);
  return lines;
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Levenshtein distance over characters, for the character error rate. */
function editDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function cer(known: string[], read: string[]): number {
  let errors = 0;
  let total = 0;
  known.forEach((k, i) => {
    const a = [...squeeze(k)];
    errors += editDistance(a, [...squeeze(read[i] ?? '')]);
    total += a.length;
  });
  return errors / total;
}

async function textPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    const page = doc.addPage([595.28, 841.89]);
    for (let i = 0; i < 40; i += 1) page.drawText(`Page ${n} line ${i}: report on the civilised unit campaign, volunteer hours and records.`, { x: 50, y: 790 - i * 18, size: 10, font });
  }
  return doc.save();
}

export async function benchOcr(pageCount: number, importPages: number) {
  const dir = tempDir('dossier-bench-ocr-');
  const known = Array.from({ length: pageCount }, (_, i) => pageLines(i + 1).join('\n'));
  const scan = path.join(dir, 'scan.pdf');
  fs.writeFileSync(scan, await scannedPdf(known.map((k) => k.split('\n')), 12));
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', scan, path.join(dir, 'page')]);
  const images = fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort().map((f) => path.join(dir, f));

  const engine = new OcrEngine();
  await engine.read(fs.readFileSync(images[0])); // models loaded before the clock starts, as tesseract's are small
  const ours = await withPeakRss(() =>
    timed(async () => {
      const texts: string[] = [];
      for (const image of images) texts.push((await engine.read(fs.readFileSync(image))).lines.map((l) => l.text).join('\n'));
      return texts;
    }),
  );

  let tesseract: { ms: number; cer: number } | { missing: string } = { missing: '未安装 tesseract-ocr-chi-sim（apt-get install tesseract-ocr-chi-sim）' };
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.status === 0 && langs.stdout.includes('chi_sim')) {
    const start = performance.now();
    const texts = images.map((image) => execFileSync('tesseract', [image, '-', '-l', 'chi_sim'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    tesseract = { ms: performance.now() - start, cer: cer(known, texts) };
  }

  // Import: a scan of `importPages` pages against a PDF of as many pages with a text layer.
  const bigScan = path.join(dir, 'import-scan.pdf');
  const bigText = path.join(dir, 'import-text.pdf');
  fs.writeFileSync(bigScan, await scannedPdf(Array.from({ length: importPages }, (_, i) => pageLines(i + 1)), 12));
  fs.writeFileSync(bigText, await textPdf(importPages));
  const t = openTestArchive();
  const { dossier } = await sampleDossier(t.api);
  const importScan = await timed(() => t.api['materials.add']({ dossierId: dossier.id, paths: [bigScan] }));
  const importText = await timed(() => t.api['materials.add']({ dossierId: dossier.id, paths: [bigText] }));
  await t.close();

  const pagesPerMin = (ms: number) => Math.round((images.length / (ms / 60000)) * 10) / 10;
  const ourCer = cer(known, ours.value.value);
  return {
    bench: 'ocr',
    pages: images.length,
    dpi: DPI,
    ppocrPagesPerMin: pagesPerMin(ours.value.ms),
    ppocrCerPercent: Math.round(ourCer * 1000) / 10,
    ppocrPeakRssMb: ours.peakMb,
    tesseractPagesPerMin: 'ms' in tesseract ? pagesPerMin(tesseract.ms) : tesseract.missing,
    tesseractCerPercent: 'cer' in tesseract ? Math.round(tesseract.cer * 1000) / 10 : null,
    throughputVsTesseract: 'ms' in tesseract ? Math.round((tesseract.ms / ours.value.ms) * 100) / 100 : null,
    [`import${importPages}PageScanMs`]: Math.round(importScan.ms),
    [`import${importPages}PageTextPdfMs`]: Math.round(importText.ms),
    importScanVsTextPdf: Math.round((importScan.ms / importText.ms) * 100) / 100,
    scanStoredAs: importScan.value.added[0]?.material.ocr,
    goals: { throughputVsTesseract: '≥ 1.0', cerPercent: '≤ 3', peakRssMb: '≤ 1536', importScanVsTextPdf: '≤ 1 (noise aside)' },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchOcr(Number(process.env.BENCH_OCR_PAGES ?? 5), Number(process.env.BENCH_OCR_IMPORT_PAGES ?? 50)), null, 2));
}
