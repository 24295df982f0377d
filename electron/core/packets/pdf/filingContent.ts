import fs from 'node:fs/promises';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { Archive } from '../../archive/archive';
import type { HtmlRenderer } from '../../render/htmlRenderer';
import { renderDocx, renderText } from '../htmlSources';
import type { Filing } from '../plan';
import type { PageFlow } from './flow';
import type { ReasonKey } from './labels';
import { A4 } from './layout';
import { appendPdf, UnmergeablePdf } from './mergePdf';
import { isolateContent } from './pageNumbers';
import { drawPhotoPage, prepareImage } from './photo';
import { drawPlaceholder, type LocateOriginal } from './placeholder';

export interface FilingOutcome {
  pages: PDFPage[];
  /** Set when a placeholder page stands in for the content. */
  reason: ReasonKey | null;
  /** Pages copied from another PDF: their content is wrapped, and footers get a backing band. */
  copied: boolean;
}

export interface FilingContext {
  doc: PDFDocument;
  flow: PageFlow;
  archive: Archive;
  renderer: HtmlRenderer | null;
  locate: LocateOriginal;
}

async function readable(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function copiedPages(ctx: FilingContext, pages: PDFPage[]): FilingOutcome {
  for (const page of pages) isolateContent(ctx.doc, page);
  return { pages, reason: null, copied: true };
}

/** Append one filing's pages to the packet: its content, or a page saying why it is not shown. */
export async function appendFiling(ctx: FilingContext, filing: Filing): Promise<FilingOutcome> {
  const reason = await tryAppend(ctx, filing);
  if (typeof reason !== 'string') return reason;
  const before = ctx.flow.pages.length;
  drawPlaceholder(ctx.flow, filing, reason, ctx.locate(filing));
  return { pages: ctx.flow.pages.slice(before), reason, copied: false };
}

async function tryAppend(ctx: FilingContext, filing: Filing): Promise<FilingOutcome | ReasonKey> {
  const { material, source } = filing;
  if (source.type === 'placeholder') return source.reason;
  const file = ctx.archive.store.pathFor(material.sha256);
  if (!(await readable(file))) return 'missing';
  switch (source.type) {
    case 'pdf': {
      try {
        return copiedPages(ctx, await appendPdf(ctx.doc, await fs.readFile(file)));
      } catch (err) {
        if (err instanceof UnmergeablePdf) return err.reason;
        throw err;
      }
    }
    case 'image': {
      let image;
      try {
        image = await prepareImage(file, material.mediaType);
      } catch {
        return 'imageUndecodable';
      }
      const page = ctx.doc.addPage([A4.width, A4.height]);
      await drawPhotoPage(ctx.doc, page, ctx.flow.fonts, image, material);
      return { pages: [page], reason: null, copied: false };
    }
    case 'docx':
    case 'text': {
      if (!ctx.renderer) return 'noRenderer';
      let bytes: Uint8Array;
      try {
        bytes =
          source.type === 'docx'
            ? await renderDocx(file, material.title, ctx.renderer)
            : await renderText(file, material.title, ctx.renderer);
        return copiedPages(ctx, await appendPdf(ctx.doc, bytes));
      } catch {
        return 'convertFailed';
      }
    }
  }
}
