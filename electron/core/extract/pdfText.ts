import { createRequire } from 'node:module';
import path from 'node:path';
import { MAX_TEXT_CHARS } from './limits';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
/** Scanned volumes can run to hundreds of pages; the first ones carry what a clerk searches for. */
const MAX_PAGES = 300;

/**
 * The text layer of a PDF (pdfjs-dist's legacy build runs in plain Node). Chinese PDFs need the
 * bundled CMaps. A scan without a text layer simply yields ''.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes,
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && length < MAX_TEXT_CHARS; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const line = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      parts.push(line);
      length += line.length;
      page.cleanup();
    }
    return parts.join('\n');
  } finally {
    await doc.destroy();
  }
}
