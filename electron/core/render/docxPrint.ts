import type { DocxLayout, DocxMarginText, DocxPageSetup } from '../extract/docx';
import { cssString, fontFaces } from './cjkFaces';
import { escapeHtml, type InlineFont } from './printHtml';

/** `content` of a margin box: the text, with the page marks as Chromium's page counters. */
function marginContent(text: DocxMarginText): string {
  return text.lines
    .join('\n')
    .split(/([\uE000\uE001])/)
    .filter((part) => part !== '')
    .map((part) => (part === '\uE000' ? 'counter(page)' : part === '\uE001' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

function marginBox(where: 'top' | 'bottom', text: DocxMarginText | null, marginPt: number, fallback: string): string {
  if (!text) return '';
  const f = text.font;
  const family = [f?.family, `'${fallback}'`].filter(Boolean).join(', ');
  // The distance from the page edge, as Word places it; never past the body's margin.
  const distance = Math.max(0, Math.min(text.distancePt ?? marginPt / 2, marginPt - (f?.sizePt ?? 10.5) * 1.4));
  return `@${where}-${text.align} { content: ${marginContent(text)}; white-space: pre-wrap; font-family: ${family};
    font-size: ${f?.sizePt ?? 10.5}pt; ${f?.color ? `color: ${f.color};` : ''} ${f?.bold ? 'font-weight: bold;' : ''}
    vertical-align: ${where}; padding-${where}: ${distance.toFixed(2)}pt; }`;
}

function pageRule(name: string, page: DocxPageSetup, fallback: string): string {
  const m = page.marginPt;
  return `@page ${name} { size: ${page.widthPt}pt ${page.heightPt}pt; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt;
  ${marginBox('top', page.header, m.top, fallback)}
  ${marginBox('bottom', page.footer, m.bottom, fallback)} }`;
}

/** Every font-family list, in style sheets and style attributes, ends with the bundled face. */
function withFallback(markup: string, fallback: string): string {
  return markup.replace(/font-family:((?:[^;"}<&]|&quot;|&amp;|&#\d+;)*)/g, (_, list: string) => `font-family:${list}, '${fallback}'`);
}

/**
 * A print document for Chromium from docx-preview's layout: one named @page per page group with
 * the document's size, margins, header and footer; docx-preview's screen-page boxes undone so
 * long sections flow over as many pages as they need.
 */
export function docxPrintHtml(title: string, layout: DocxLayout, fallbackFont: InlineFont): string {
  const first = layout.pages[0];
  const fallback = fallbackFont.family;
  const inline = `@font-face { font-family: "${fallbackFont.family}"; src: url(data:font/otf;base64,${Buffer.from(fallbackFont.bytes).toString('base64')}) format("opentype"); }`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${inline}
${fontFaces(layout.css + layout.body + layout.pages.map((p) => `${p.header?.font?.family} ${p.footer?.font?.family}`).join(' '))}
${withFallback(layout.css, fallback)}
${first ? `@page { size: ${first.widthPt}pt ${first.heightPt}pt; margin: 0; }` : '@page { size: A4; margin: 25mm; }'}
${layout.pages.map((page, i) => pageRule(`docx-page-${i}`, page, fallback)).join('\n')}
html, body { margin: 0; padding: 0; background: white; font-family: "宋体", "Times New Roman", '${fallback}'; }
section.docx { display: block !important; overflow: visible !important; box-shadow: none !important; margin: 0 !important; background: transparent; }
section.docx + section.docx { break-before: page; }
img { break-inside: avoid; }
</style></head>
<body>${withFallback(layout.body, fallback)}</body></html>`;
}
