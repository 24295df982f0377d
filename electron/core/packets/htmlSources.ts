import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { escapeHtml, printHtml } from '../render/printHtml';
import { subsetNoto } from './pdf/fonts';

/** Family name of the bundled Noto subset the print pages fall back to. */
const FALLBACK_FAMILY = 'Dossier Noto Sans SC';

async function toPdf(renderer: HtmlRenderer, title: string, body: string): Promise<Uint8Array> {
  // Only the characters this page uses, so the inline font stays small.
  const fallback = await subsetNoto('regular', body);
  return renderer.htmlToPdf(printHtml({ title, body, fallbackFont: { family: FALLBACK_FAMILY, bytes: fallback } }));
}

/** DOCX → HTML (mammoth: structure, tables, images as data URIs) → A4 PDF. */
export async function renderDocx(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  const { value } = await mammoth.convertToHtml({ path: file });
  return toPdf(renderer, title, value);
}

/** Plain text, as UTF-8 if it is valid UTF-8, otherwise as GB18030 (older Chinese Windows files). */
export async function renderText(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  return toPdf(renderer, title, `<pre>${escapeHtml(text.replace(/^\uFEFF/, ''))}</pre>`);
}
