import { MAX_TEXT_CHARS } from './limits';
import { openPdfjs } from './pdfjs';

/** Scanned volumes can run to hundreds of pages; the first ones carry what a clerk searches for. */
const MAX_PAGES = 300;

/** The text layer of a PDF. A scan without a text layer simply yields ''. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await openPdfjs(bytes);
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
