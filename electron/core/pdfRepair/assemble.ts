import { PDFDocument } from 'pdf-lib';
import type { RenderedPage } from './renderPage';

/** A page that shows a drawing of a page, at the size the page was shown. */
export async function addImagePage(doc: PDFDocument, rendered: RenderedPage): Promise<void> {
  const image = await doc.embedJpg(rendered.jpeg);
  const page = doc.addPage([rendered.width, rendered.height]);
  page.drawImage(image, { x: 0, y: 0, width: rendered.width, height: rendered.height });
}

export interface Assembled {
  bytes: Uint8Array;
  /** Object number of each page in `bytes`, in order: what qpdf's warnings name. */
  pageObjects: number[];
}

/**
 * A fresh document of some pages of `source`, with drawings in place of the pages `drawn`
 * holds. pdf-lib copies only what a page refers to, and writes a new cross-reference table
 * with the true offsets and stream lengths: what a damaged table or a stray object spoiled in
 * the source is left behind.
 */
export async function assemble(source: PDFDocument, indices: number[], drawn: ReadonlyMap<number, RenderedPage> = new Map()): Promise<Assembled> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const keep = indices.filter((i) => !drawn.has(i));
  const copied = new Map((await doc.copyPages(source, keep)).map((page, k) => [keep[k], page]));
  for (const i of indices) {
    const page = copied.get(i);
    if (page) doc.addPage(page);
    else await addImagePage(doc, drawn.get(i)!);
  }
  const pageObjects = doc.getPages().map((p) => p.ref.objectNumber);
  return { bytes: await doc.save({ useObjectStreams: true, updateFieldAppearances: false }), pageObjects };
}
