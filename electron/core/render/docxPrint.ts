import type { DocxLayout, DocxMarginText, DocxPageSetup } from '../extract/docx';
import { escapeHtml, type InlineFont } from './printHtml';

/**
 * The faces Chinese Word documents name, and what stands in for each: the Windows face first
 * (SimSun, FangSong, KaiTi, SimHei ship with every Chinese Windows), then the macOS one, then
 * Noto CJK (Linux, fonts-noto-cjk). 方正小标宋 is seldom installed: 华文中宋 is its nearest
 * relative, then a bold serif; SimHei last, since a heavy title reads closer to it than to
 * SimSun. Names are matched as local() full or PostScript names.
 */
const SERIF = ['Noto Serif CJK SC', 'NotoSerifCJKsc-Regular', 'Source Han Serif SC', 'Songti SC'];
const FACES: { names: string[]; local: string[] }[] = [
  { names: ['宋体', 'SimSun', '新宋体', 'NSimSun', '宋体-简', '华文宋体', 'STSong'], local: ['SimSun', '宋体', 'NSimSun', 'STSong', ...SERIF] },
  {
    names: ['仿宋', '仿宋_GB2312', 'FangSong', 'FangSong_GB2312', '华文仿宋', 'STFangsong'],
    local: ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', ...SERIF],
  },
  {
    names: ['楷体', '楷体_GB2312', 'KaiTi', 'KaiTi_GB2312', '华文楷体', 'STKaiti'],
    local: ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', 'Kaiti SC', ...SERIF],
  },
  {
    names: ['黑体', 'SimHei', '华文黑体', 'STHeiti'],
    local: ['SimHei', '黑体', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'NotoSansCJKsc-Regular', 'Microsoft YaHei'],
  },
  {
    names: ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋', '小标宋', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '华文中宋', 'STZhongsong'],
    local: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小标宋_GBK', 'STZhongsong', '华文中宋', 'Noto Serif CJK SC Bold', 'NotoSerifCJKsc-Bold', 'SimHei'],
  },
];

const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;

/** Aliases for the faces `markup` names only: each local() lookup costs Chromium time at print. */
function fontFaces(markup: string): string {
  return FACES.flatMap(({ names, local }) =>
    names
      .filter((name) => markup.includes(name))
      .map((name) => `@font-face { font-family: ${cssString(name)}; src: ${local.map((l) => `local(${cssString(l)})`).join(', ')}; }`),
  ).join('\n');
}

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
