import { readOffice } from './officeReader';
import { guardOffice, type OoxmlLimits } from './ooxmlGuard';

/** Slides are short: far more XML than any real deck is refused before JSZip unpacks it. */
const PPTX_LIMITS: OoxmlLimits = { maxXmlBytes: 64 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024, rules: [] };

/** The words of a Word 97–2003 or WPS 文字 file (word-extractor, on the reader thread). */
export function wordText(bytes: Buffer): Promise<string> {
  return readOffice<string>('wordText', bytes);
}

/** The words of a PowerPoint .pptx, slide by slide in the order shown, on the reader thread. */
export async function slidesText(bytes: Buffer): Promise<string> {
  await guardOffice(bytes, PPTX_LIMITS);
  return readOffice<string>('slidesText', bytes);
}
