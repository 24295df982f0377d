import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * Open a PDF with pdf.js (the legacy build runs in plain Node). Chinese PDFs need the bundled
 * CMaps; verbosity 0 keeps its warnings off the console. An owner password (restrictions only)
 * opens without asking; one that needs a password rejects with a PasswordException. pdf.js may
 * take over the buffer it is given, so it gets a copy.
 */
export async function openPdfjs(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}
