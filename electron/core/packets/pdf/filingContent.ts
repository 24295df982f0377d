import fs from 'node:fs/promises';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { Archive } from '../../archive/archive';
import { OfficeRefusedError } from '../../extract/ooxmlGuard';
import { mergeReadyPdf } from '../../pdfRepair/mergeReady';
import { viewablePhoto } from '../../photos/rendition';
import type { HtmlRenderer } from '../../render/htmlRenderer';
import { MinutesUnreadable, renderDocx, renderSpreadsheet, renderText } from '../htmlSources';
import { minutesPdf } from '../minutesPdf';
import { isPrintedSource, type Filing } from '../plan';
import { printedPdf } from '../printedPdf';
import { renderOfd } from '../../ofd/render';
import { OfdUnreadable } from '../../ofd/package';
import type { PageFlow } from './flow';
import { groupPhotoText, type ReasonKey } from './labels';
import { appendMediaPage } from './mediaPage';
import { officePdf, officeReasonKey } from '../../convert/officePdf';
import { appendPdf, UnmergeablePdf } from './mergePdf';
import { addOcrTextLayer } from './ocrTextLayer';
import { ocrLines } from '../../ocr/ocrStore';
import { isolateContent } from './pageNumbers';
import { captionLines, embedImage, prepareImage, type ImagePreset } from './photo';
import type { PhotoSheet } from './photoSheet';
import type { PrintAhead } from './printAhead';
import { drawPlaceholder, type LocateOriginal } from './placeholder';

export interface FilingOutcome {
  /** The filing's pages (a photo's page may be shared with its neighbours). */
  pages: PDFPage[];
  /** Index of its first page in the document. */
  start: number;
  /** Set when a placeholder page stands in for the content. */
  reason: ReasonKey | null;
  /** Pages copied from another PDF: their content is wrapped, and footers get a backing band. */
  copied: boolean;
  /** A document of its own pages (gets the 归档章 on its first page); photos share pages. */
  document: boolean;
}

export interface FilingContext {
  doc: PDFDocument;
  flow: PageFlow;
  photos: PhotoSheet;
  preset: ImagePreset;
  archive: Archive;
  renderer: HtmlRenderer | null;
  locate: LocateOriginal;
  /** Bytes of content taken in (images after downscaling, PDFs as merged): for the size report. */
  stats: { inputBytes: number };
  /** Filings printed ahead, in parallel, while earlier ones are merged (see printAhead.ts). */
  printAhead?: PrintAhead;
  /** Cancels a conversion LibreOffice is running for this packet. */
  signal?: AbortSignal;
  /** Something the clerk should know about a filing that is in the packet all the same. */
  notice: (title: string, reason: string) => void;
}

async function readable(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Append one filing's pages to the packet: its content, or a page saying why it is not shown. */
export async function appendFiling(ctx: FilingContext, filing: Filing): Promise<FilingOutcome> {
  const result = await tryAppend(ctx, filing);
  if (typeof result !== 'string') return result;
  ctx.photos.close();
  const start = ctx.doc.getPageCount();
  const before = ctx.flow.pages.length;
  drawPlaceholder(ctx.flow, filing, result, ctx.locate(filing));
  return { pages: ctx.flow.pages.slice(before), start, reason: result, copied: false, document: true };
}

async function appendPdfBytes(ctx: FilingContext, bytes: Uint8Array): Promise<FilingOutcome> {
  ctx.photos.close();
  const start = ctx.doc.getPageCount();
  const pages = await appendPdf(ctx.doc, bytes);
  ctx.stats.inputBytes += bytes.byteLength;
  for (const page of pages) isolateContent(ctx.doc, page);
  return { pages, start, reason: null, copied: true, document: true };
}

/**
 * Photos (one, or each of a 组照 with its own caption) onto the shared photo pages. A photo PDF
 * cannot hold (HEIC) goes in as its JPEG rendition.
 */
async function appendPhotos(
  ctx: FilingContext,
  filing: Filing,
  photos: { sha256: string; caption: string; takenAt: string | null }[],
): Promise<FilingOutcome | ReasonKey> {
  const pages: PDFPage[] = [];
  let start = -1;
  for (const { sha256, caption, takenAt } of photos) {
    if (!(await readable(ctx.archive.store.pathFor(sha256)))) return 'missing';
    let image;
    try {
      const source = await viewablePhoto(ctx.archive, sha256);
      if (!source) return 'imageUndecodable';
      image = await prepareImage(source.file, source.converted ? 'image/jpeg' : filing.material.mediaType, ctx.preset);
    } catch {
      return 'imageUndecodable';
    }
    ctx.stats.inputBytes += image.bytes.byteLength;
    const placed = ctx.photos.place(await embedImage(ctx.doc, image), captionLines(filing.material, caption, takenAt));
    if (start < 0) start = placed.index;
    if (!pages.includes(placed.page)) pages.push(placed.page);
  }
  if (pages.length === 0) return 'groupEmpty';
  return { pages, start, reason: null, copied: false, document: false };
}

async function tryAppend(ctx: FilingContext, filing: Filing): Promise<FilingOutcome | ReasonKey> {
  const { material, source } = filing;
  if (source.type === 'placeholder') return source.reason;
  const store = ctx.archive.store;
  const file = store.pathFor(material.sha256);
  if (!(await readable(file))) return 'missing';
  const rendered = async () => {
    if (!ctx.renderer) return 'noRenderer' as const;
    let bytes: Uint8Array;
    try {
      bytes = await (ctx.printAhead?.take(filing) ?? printFiling(ctx.archive, filing, ctx.renderer)!);
    } catch (err) {
      if (err instanceof MinutesUnreadable) return 'minutesUnreadable' as const;
      if (err instanceof OfdUnreadable) return 'ofdUnreadable' as const;
      return err instanceof OfficeRefusedError ? ('officeRefused' as const) : ('convertFailed' as const);
    }
    try {
      return await appendPdfBytes(ctx, bytes);
    } catch {
      return 'convertFailed' as const;
    }
  };
  switch (source.type) {
    case 'pdf':
      try {
        // The original when it is clean, else a decrypted or repaired copy (see pdfRepair/).
        const ready = await mergeReadyPdf(ctx.archive, material.sha256);
        if ('refused' in ready) return ready.refused === 'password' ? 'encrypted' : ready.refused === 'hostile' ? 'pdfHostile' : 'pdfUnreadable';
        if (ready.drawnPages.length) {
          ctx.notice(material.title, `PDF 第 ${ready.drawnPages.join('、')} 页内容已损坏，迎检资料中以页面图片代替（原件未改动）`);
        }
        const outcome = await appendPdfBytes(ctx, ready.bytes);
        // Pages read by OCR become searchable in the packet too.
        for (const [page, lines] of ocrLines(ctx.archive.db, material.sha256)) {
          const target = outcome.pages[page - 1];
          if (target) addOcrTextLayer(target, ctx.flow.fonts.regular.font, lines);
        }
        return outcome;
      } catch (err) {
        if (err instanceof UnmergeablePdf) return err.reason;
        throw err;
      }
    case 'image':
      return appendPhotos(ctx, filing, [{ sha256: material.sha256, caption: '', takenAt: null }]);
    case 'photoGroup': {
      const photos = material.photos;
      return appendPhotos(
        ctx,
        filing,
        photos.map((p, i) => ({
          sha256: p.sha256,
          caption: `${p.caption.trim() || material.title}${groupPhotoText(i + 1, photos.length)}`,
          takenAt: p.takenAt,
        })),
      );
    }
    case 'docx':
    case 'ofd':
    case 'text':
    case 'minutes':
    case 'spreadsheet':
      return rendered();
    case 'media':
      return appendMediaPage(ctx, filing);
    case 'office':
      return appendOffice(ctx, filing);
  }
}

/** LibreOffice's PDF of a legacy Office/WPS/slides file, converted once and kept (derived/office/). */
async function appendOffice(ctx: FilingContext, filing: Filing): Promise<FilingOutcome | ReasonKey> {
  const converted = await officePdf(ctx.archive, filing.material.sha256, filing.material.mediaType, ctx.signal);
  if ('refused' in converted) return officeReasonKey(converted.refused);
  try {
    return await appendPdfBytes(ctx, new Uint8Array(await fs.readFile(converted.file)));
  } catch {
    return 'officeFailed';
  }
}

/** Whether the browser prints this filing (printFiling has something to do). */
export const isPrinted = (filing: Filing): boolean => isPrintedSource(filing.source);

/** The PDF of a filing the browser prints (Word, text, 会议纪要, tables); null for other kinds. */
export function printFiling(archive: Archive, filing: Filing, renderer: HtmlRenderer): Promise<Uint8Array> | null {
  const { material, source } = filing;
  const file = archive.store.pathFor(material.sha256);
  switch (source.type) {
    case 'docx':
      return renderDocx(file, material.title, renderer);
    case 'ofd':
      // Printed once and kept (derived/ofd/): every packet carries the same pages.
      return printedPdf(archive, 'ofd', material.sha256, () => renderOfd(file, material.title, renderer));
    case 'text':
      return renderText(file, material.title, renderer);
    case 'minutes':
      // Printed once and kept (derived/minutes/): the packet and the folder carry the same PDF.
      return minutesPdf(archive, material.sha256, material.title, renderer);
    case 'spreadsheet':
      return renderSpreadsheet(file, material.title, renderer);
    default:
      return null;
  }
}
