import fs from 'node:fs/promises';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { subsetNoto } from '../packets/pdf/fonts';
import { ofdPrintHtml, shownCharacters } from './html';
import { readOfd } from './document';

/** Family name of the bundled Noto subset the printed pages fall back to (as for Word documents). */
const FALLBACK_FAMILY = 'Dossier Noto Sans SC';

/**
 * OFD → PDF, page for page at each page's own size: the page model drawn as SVG and printed by
 * the Chromium the export already runs. Throws OfdUnreadable when the package does not read.
 */
export async function renderOfd(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  const doc = await readOfd(await fs.readFile(file));
  const fallback = await subsetNoto('regular', shownCharacters(doc));
  return renderer.htmlToPdf(ofdPrintHtml(title, doc, { family: FALLBACK_FAMILY, bytes: fallback }));
}
