import { PDFDocument, type PDFPage } from 'pdf-lib';
import { PARSE_OBJECTS_PER_TICK } from '../../pdfRepair/pdfLibPacing';
import { withoutPdfLibWarnings } from '../../pdfRepair/quiet';
import type { ReasonKey } from './labels';
import { keepSafeActions, relinkPages } from './safeLinks';

/** Why a PDF could not be merged, mapped to the reason its placeholder page gives. */
export class UnmergeablePdf extends Error {
  constructor(readonly reason: ReasonKey) {
    super(reason);
  }
}

/**
 * Copy every page of `bytes` onto the end of `doc`, keeping only safe links (see safeLinks.ts).
 * Every PDF a packet takes in comes through here: originals, repaired copies and rendered
 * documents alike. The source document is dropped when this returns, so only one source is
 * held in memory at a time.
 */
export async function appendPdf(doc: PDFDocument, bytes: Uint8Array): Promise<PDFPage[]> {
  let source: PDFDocument;
  try {
    source = await withoutPdfLibWarnings(() => PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: PARSE_OBJECTS_PER_TICK }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UnmergeablePdf(/encrypt/i.test(message) ? 'encrypted' : 'pdfUnreadable');
  }
  if (source.getPageCount() === 0) throw new UnmergeablePdf('pdfEmpty');
  let copied: PDFPage[];
  try {
    // Cleaned in the source, before copying: what is cut off is then never copied at all.
    keepSafeActions(source);
    copied = await doc.copyPages(source, source.getPageIndices());
    relinkPages(copied);
  } catch {
    throw new UnmergeablePdf('pdfUnreadable');
  }
  return copied.map((page) => doc.addPage(page));
}
