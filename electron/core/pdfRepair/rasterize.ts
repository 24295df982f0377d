import { PDFDocument } from 'pdf-lib';
import { openPdfjs } from '../extract/pdfjs';
import { PDF_LIMITS, pdfjsOpens } from '../extract/pdfReader';
import { addImagePage } from './assemble';
import { checkPdf } from './check';
import { renderPage } from './renderPage';

/** Past this a drawn copy would take hundreds of MB; such a file gets its placeholder page. */
const MAX_PAGES = PDF_LIMITS.maxDrawnPages;

/**
 * Every page drawn by pdf.js into a document of images: the last resort for a PDF that readers
 * open but neither qpdf nor pdf-lib can take apart (damaged and encrypted, say). 'password'
 * when pdf.js needs one to open it; null when it cannot open or draw it.
 */
export async function rasterizePdf(bytes: Uint8Array): Promise<{ bytes: Uint8Array; pageCount: number } | 'password' | null> {
  // Drawing runs here, on the main thread (the canvas): every page is first parsed on the reader
  // thread, within its limits, so a file that would hold this thread never reaches it.
  const tried = await pdfjsOpens({ bytes }, 'all');
  if ('stopped' in tried || !tried.opens) return 'stopped' in tried ? null : tried.password ? 'password' : null;
  if (tried.numPages > MAX_PAGES) return null;
  let viewer;
  try {
    viewer = await openPdfjs(bytes);
  } catch (err) {
    return err instanceof Error && err.name === 'PasswordException' ? 'password' : null;
  }
  try {
    if (viewer.numPages === 0 || viewer.numPages > MAX_PAGES) return null;
    const doc = await PDFDocument.create({ updateMetadata: false });
    for (let n = 1; n <= viewer.numPages; n += 1) await addImagePage(doc, await renderPage(viewer, n));
    const out = await doc.save({ useObjectStreams: true });
    const check = await checkPdf({ bytes: out }, out.byteLength);
    return check.status === 'ok' ? { bytes: out, pageCount: viewer.numPages } : null;
  } catch {
    return null;
  } finally {
    await viewer.destroy();
  }
}
