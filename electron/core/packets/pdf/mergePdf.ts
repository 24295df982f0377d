import { PDFDocument, type PDFPage } from 'pdf-lib';
import { withoutPdfLibWarnings } from '../../pdfRepair/quiet';
import type { ReasonKey } from './labels';

/** Why a PDF could not be merged, mapped to the reason its placeholder page gives. */
export class UnmergeablePdf extends Error {
  constructor(readonly reason: ReasonKey) {
    super(reason);
  }
}

/**
 * Copy every page of `bytes` onto the end of `doc`. The source document is dropped when this
 * returns, so only one source is held in memory at a time.
 */
export async function appendPdf(doc: PDFDocument, bytes: Uint8Array): Promise<PDFPage[]> {
  let source: PDFDocument;
  try {
    source = await withoutPdfLibWarnings(() => PDFDocument.load(bytes, { updateMetadata: false }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UnmergeablePdf(/encrypt/i.test(message) ? 'encrypted' : 'pdfUnreadable');
  }
  if (source.getPageCount() === 0) throw new UnmergeablePdf('pdfEmpty');
  let copied: PDFPage[];
  try {
    copied = await doc.copyPages(source, source.getPageIndices());
  } catch {
    throw new UnmergeablePdf('pdfUnreadable');
  }
  return copied.map((page) => doc.addPage(page));
}
