import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { createContext } from '../electron/core/context';
import { createChromiumRenderer } from '../electron/core/render/chromiumRenderer';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { appendPdf } from '../electron/core/packets/pdf/mergePdf';
import { isolateContent } from '../electron/core/packets/pdf/pageNumbers';
import { PACKET_SAVE_OPTIONS } from '../electron/core/pdfRepair/pdfLibPacing';
import { percentile, tempDir, timed } from './util';

async function makePdf(file: string, pages: number, n: number): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p += 1) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < 40; l += 1) page.drawText(`Document ${n} page ${p + 1} line ${l + 1} lorem ipsum dolor sit amet`, { x: 50, y: 800 - l * 19, size: 11, font });
  }
  fs.writeFileSync(file, await doc.save());
}

function makeDocx(file: string, n: number): void {
  // A real DOCX: LibreOffice-free, via the same minimal writer the demo uses.
  execFileSync(process.execPath, ['--import', 'tsx', '-e', `
    import('./tests/packets/fixtures.ts').then((f) => f.docx(${JSON.stringify(file)}, Array.from({ length: 30 }, (_, i) => '第${n}份文档第' + (i + 1) + '段：创建工作扎实推进，各项任务落实到位。')));
  `], { cwd: path.resolve(import.meta.dirname, '..') });
}

/**
 * A generated packet of about 600 pages: 300 photos, 50 five-page PDFs, 20 DOCX. Reports time
 * and peak memory of the PDF build; the PDF-merge part against `qpdf --empty --pages` over the
 * same PDFs; the output size against its inputs after the same photo downscale.
 */
export async function benchPackets(photos = 300, pdfs = 50, docs = 20) {
  const inputs = tempDir('dossier-bench-packet-in-');
  const base = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#7a8', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
  const photoFiles = Array.from({ length: photos }, (_, i) => path.join(inputs, `照片${i}.jpg`));
  photoFiles.forEach((f, i) => fs.writeFileSync(f, Buffer.concat([base, Buffer.from(`p${i}`)])));
  const pdfFiles = Array.from({ length: pdfs }, (_, i) => path.join(inputs, `文件${i}.pdf`));
  for (const [i, f] of pdfFiles.entries()) await makePdf(f, 5, i);
  const docFiles = Array.from({ length: docs }, (_, i) => path.join(inputs, `方案${i}.docx`));
  docFiles.forEach((f, i) => makeDocx(f, i));

  const archiveDir = tempDir('dossier-bench-packet-');
  const ctx = createContext({ archiveDir, transport: 'direct' });
  const api = createDirectClient(createHandlers(ctx));
  const templates = await api['systems.templates']({});
  const system = await api['systems.importTemplate']({ templateId: templates[0].id });
  const dossier = await api['dossiers.create']({ name: 'bench', systemId: system.id });
  const leaves = (await api['indicators.list']({ systemId: system.id })).filter((i, _, all) => !all.some((j) => j.parentId === i.id));
  const files = [...photoFiles, ...pdfFiles, ...docFiles];
  for (let i = 0; i < files.length; i += 50) {
    const chunk = files.slice(i, i + 50);
    await api['materials.add']({ dossierId: dossier.id, paths: chunk, indicatorIds: [leaves[(i / 50) % leaves.length].id] });
  }

  await ctx.close();
  const outDir = tempDir('dossier-bench-packet-out-');
  const worker = path.join(import.meta.dirname, 'packetBuild.ts');
  const pdf = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', worker, archiveDir, String(dossier.id), outDir], { encoding: 'utf8' }).trim().split('\n').pop()!,
  ) as { volumes: number; pageCount: number; bytes: number; inputBytes: number; ms: number; maxRssMb: number };

  // The merge part alone, our way (load, copy, isolate, save) and qpdf's, over the same PDFs.
  // Median of five alternating runs each, so a busy moment on the machine does not decide the ratio.
  const qpdfOut = path.join(inputs, 'qpdf.pdf');
  const oursRuns: number[] = [];
  const qpdfRuns: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const run = await timed(async () => {
      const doc = await PDFDocument.create();
      for (const f of pdfFiles) for (const page of await appendPdf(doc, fs.readFileSync(f))) isolateContent(doc, page);
      return doc.save(PACKET_SAVE_OPTIONS); // as the packet saves (packetPdf.ts)
    });
    oursRuns.push(run.ms);
    qpdfRuns.push((await timed(async () => execFileSync('qpdf', ['--empty', '--pages', ...pdfFiles, '--', qpdfOut]))).ms);
  }
  const ours = { ms: percentile(oursRuns, 50) };
  const progress = await firstProgress(archiveDir, dossier.id, tempDir('dossier-bench-packet-progress-'));
  const qpdf = { ms: percentile(qpdfRuns, 50) };

  return {
    bench: 'packet PDF (~600 pages)',
    photos,
    pdfs,
    docx: docs,
    volumes: pdf.volumes,
    pages: pdf.pageCount,
    buildMs: Math.round(pdf.ms),
    peakRssMb: pdf.maxRssMb,
    goalPeakRssMb: '≤ 1024',
    mergeMs: Math.round(ours.ms),
    qpdfMergeMs: Math.round(qpdf.ms),
    mergeRatioVsQpdf: Number((ours.ms / qpdf.ms).toFixed(2)),
    goalMergeRatio: '≤ 3',
    outputMb: Number((pdf.bytes / 1024 ** 2).toFixed(1)),
    inputsAfterDownscaleMb: Number((pdf.inputBytes / 1024 ** 2).toFixed(1)),
    sizeRatio: Number((pdf.bytes / pdf.inputBytes).toFixed(3)),
    goalSizeRatio: '≤ 1.2',
    ...progress,
    goalFirstProgressMs: '≤ 1000',
  };
}

/**
 * An export as the CLI starts one, browser not yet running (this section's process has started
 * none): when the call returns, when the bar first moves, and when it first names a material
 * (then cancelled).
 */
async function firstProgress(archiveDir: string, dossierId: number, outDir: string) {
  const ctx = createContext({ archiveDir, transport: 'direct', createRenderer: createChromiumRenderer });
  const api = createDirectClient(createHandlers(ctx));
  const started = performance.now();
  const { jobId } = await api['packets.export']({ dossierId, outDir, pdf: true, xlsx: false, folder: false });
  const returnedMs = performance.now() - started;
  let movedMs: number | null = null;
  let namedMs: number | null = null;
  while (namedMs === null) {
    const job = await api['jobs.get']({ jobId });
    if (movedMs === null && job.progress > 0) movedMs = performance.now() - started;
    if (job.message.startsWith('正在编入迎检资料')) namedMs = performance.now() - started;
    if (job.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await api['jobs.cancel']({ jobId });
  await ctx.jobs.wait(jobId);
  await ctx.close();
  return { exportCallMs: Math.round(returnedMs), firstProgressMs: movedMs === null ? null : Math.round(movedMs), firstMaterialNamedMs: namedMs === null ? null : Math.round(namedMs) };
}
