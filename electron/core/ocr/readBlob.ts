import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { Archive } from '../archive/archive';
import { openPdfjs } from '../extract/pdfjs';
import { PDF_LIMITS, pdfjsOpens, stoppedReason } from '../extract/pdfReader';
import { renderPage } from '../pdfRepair/renderPage';
import { viewablePhoto } from '../photos/rendition';
import type { OcrEngine, OcrPage } from './engine';
import { undecodableScanPages } from './scanImages';
import { MIN_LAYER_CHARS_PER_PAGE, pagesRead, renewClaim, savePage, type OcrPageLine } from './ocrStore';

/** Why reading stopped for good: shown to the clerk beside the material. */
export class OcrFailure extends Error {}

export interface ReadProgress {
  page: number;
  pages: number;
}

/** Lines in fractions of the page: the same numbers place them on the PDF page in the packet. */
function toPageLines(page: OcrPage): OcrPageLine[] {
  return page.lines.map((l) => ({ t: l.text, x: l.x / page.width, y: l.y / page.height, w: l.w / page.width, h: l.h / page.height }));
}

/**
 * Read one stored content by OCR, page by page, each page saved as it is read (so a cancel or a
 * restart loses one page at most). A PDF's pages that carry a text layer are left as they are.
 * Stops between pages when `signal` aborts; throws OcrFailure with the reason when the file
 * cannot be read.
 */
export async function readBlob(archive: Archive, engine: OcrEngine, sha256: string, mediaType: string, signal: AbortSignal, progress: (p: ReadProgress) => void): Promise<ReadResult> {
  if (mediaType === 'application/pdf') return readPdf(archive, engine, sha256, signal, progress);
  const photo = await viewablePhoto(archive, sha256);
  if (!photo) throw new OcrFailure('图片已损坏，无法解码');
  progress({ page: 1, pages: 1 });
  let image: Buffer;
  try {
    // Upright as the clerk sees it (EXIF orientation), no larger than the detector needs.
    image = await sharp(photo.file).rotate().resize(3000, 3000, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  } catch {
    throw new OcrFailure('图片已损坏，无法解码');
  }
  savePage(archive.db, sha256, 1, toPageLines(await engine.read(image)));
  return { damagedPages: [] };
}

export interface ReadResult {
  /** Pages whose scanned image pdf.js could not decode (they drew nothing): the rest were read. */
  damagedPages: number[];
}

async function readPdf(archive: Archive, engine: OcrEngine, sha256: string, signal: AbortSignal, progress: (p: ReadProgress) => void): Promise<ReadResult> {
  const file = archive.store.pathFor(sha256);
  const size = (await fs.stat(file)).size;
  // Parsed on the reader thread within its limits first: only a file that passes is drawn here.
  const tried = await pdfjsOpens({ file }, 'all');
  if ('stopped' in tried) throw new OcrFailure(`PDF ${stoppedReason(tried.stopped, size)}`);
  if (!tried.opens) throw new OcrFailure(tried.password ? 'PDF 需要密码才能打开' : 'PDF 文件已损坏，无法显示页面');
  if (tried.numPages > PDF_LIMITS.maxDrawnPages) throw new OcrFailure(`PDF 共 ${tried.numPages} 页，超过可识别的 ${PDF_LIMITS.maxDrawnPages} 页`);
  const done = pagesRead(archive.db, sha256);
  const bytes = new Uint8Array(await fs.readFile(file));
  const doc = await openPdfjs(bytes);
  try {
    // Pages with a text layer keep it; the others are scans.
    const scans: number[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      if (done.has(n)) continue;
      const layer = await (await doc.getPage(n)).getTextContent();
      const chars = layer.items.reduce((sum, item) => sum + ('str' in item ? item.str.trim().length : 0), 0);
      if (chars < MIN_LAYER_CHARS_PER_PAGE) scans.push(n);
    }
    const damagedPages = await undecodableScanPages(bytes, scans);
    for (const n of scans) {
      if (signal.aborted) break;
      progress({ page: n, pages: doc.numPages });
      if (damagedPages.includes(n)) continue;
      let rendered;
      try {
        rendered = await renderPage(doc, n);
      } catch {
        throw new OcrFailure(`第 ${n} 页已损坏，无法显示`);
      }
      savePage(archive.db, sha256, n, toPageLines(await engine.read(rendered.jpeg)));
      renewClaim(archive.db, sha256);
    }
    return { damagedPages };
  } finally {
    await doc.destroy();
  }
}
