import { fontFaces } from '../render/cjkFaces';
import { escapeHtml, type InlineFont } from '../render/printHtml';
import type { OfdDocument } from './model';
import { pageSvg } from './svg';

const mm = (v: number) => `${Math.round(v * 1000) / 1000}mm`;

/** The document's embedded font files, as the families its text objects name first. */
function embeddedFaces(doc: OfdDocument): string {
  return [...doc.fonts].map(([family, url]) => `@font-face { font-family: "${family}"; src: url(${url}); }`).join('\n');
}

/** The characters the pages show: what the fallback font is cut down to. */
export function shownCharacters(doc: OfdDocument): string {
  return doc.pages.flatMap((p) => p.objects.flatMap((o) => (o.type === 'text' ? o.runs.map((r) => r.text) : []))).join('');
}

/**
 * A print document for Chromium: one named @page per OFD page at its PhysicalBox size, no
 * margins, the page's SVG filling it. The inline font (the bundled Noto subset) only fills in
 * what the faces the OFD names (aliased to installed CJK fonts, see cjkFaces.ts) lack.
 */
export function ofdPrintHtml(title: string, doc: OfdDocument, fallbackFont: InlineFont): string {
  const pages = doc.pages.map((p, i) => ({ svg: pageSvg(p, fallbackFont.family, { width: mm(p.box.w), height: mm(p.box.h) }), i, p }));
  const markup = pages.map((p) => p.svg).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@font-face { font-family: "${fallbackFont.family}"; src: url(data:font/otf;base64,${Buffer.from(fallbackFont.bytes).toString('base64')}) format("opentype"); }
${embeddedFaces(doc)}
${fontFaces(markup)}
${pages.map(({ p, i }) => `@page ofd-${i} { size: ${mm(p.box.w)} ${mm(p.box.h)}; margin: 0; }`).join('\n')}
html, body { margin: 0; padding: 0; background: white; }
.ofd-page { overflow: hidden; break-after: page; }
.ofd-page:last-child { break-after: auto; }
</style></head>
<body>${pages.map(({ p, i, svg }) => `<div class="ofd-page" style="page: ofd-${i}; width: ${mm(p.box.w)}; height: ${mm(p.box.h)}">${svg}</div>`).join('')}</body></html>`;
}

/** Pages drawn in the preview: each carries its pictures inline, and a 案卷 may have hundreds. */
const MAX_PREVIEW_PAGES = 30;

/**
 * The preview: the same page SVGs the packet prints, each as wide as the frame, with a line
 * saying that the document carries 电子签章 (shown, never verified).
 */
export function ofdPreviewHtml(doc: OfdDocument): string {
  const pages = doc.pages.slice(0, MAX_PREVIEW_PAGES).map((p) => pageSvg(p, 'serif', { width: '100%', height: 'auto' }));
  const signed = doc.signatures ? `此 OFD 文档带有 ${doc.signatures} 个电子签章；本程序只显示签章图像，未验证签章是否有效。` : '';
  const more = doc.pages.length > MAX_PREVIEW_PAGES ? `共 ${doc.pages.length} 页，此处预览前 ${MAX_PREVIEW_PAGES} 页，完整内容见原件或迎检资料。` : '';
  const note = [signed, more].filter(Boolean).map((t) => `<p style="margin:0 0 8px;color:#a61d24">${t}</p>`).join('');
  return `<style>${embeddedFaces(doc)} ${fontFaces(pages.join(''))} .ofd-page{margin:0 auto 12px;max-width:800px;box-shadow:0 0 4px #999}</style>${note}${pages
    .map((svg) => `<div class="ofd-page">${svg}</div>`)
    .join('')}`;
}
