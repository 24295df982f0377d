/** A font handed to the page inline, for machines whose system fonts lack some characters. */
export interface InlineFont {
  family: string;
  /** An SFNT (OTF/TTF) file. */
  bytes: Uint8Array;
}

export interface PrintHtmlOptions {
  title: string;
  /** Body markup, already safe (e.g. mammoth's output, or escaped text). */
  body: string;
  fallbackFont?: InlineFont;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A complete A4 print document. The font stack names the CJK fonts found on clerks' machines
 * (Noto on Linux, YaHei and SimSun on Windows); the optional inline font comes last, so it only
 * fills in characters the system fonts lack. The bottom margin leaves room for the packet's
 * page-number footer.
 */
export function printHtml(options: PrintHtmlOptions): string {
  const inline = options.fallbackFont;
  const face = inline
    ? `@font-face { font-family: "${inline.family}"; src: url(data:font/otf;base64,${Buffer.from(inline.bytes).toString('base64')}) format("opentype"); }`
    : '';
  const stack = ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"SimSun"', inline ? `"${inline.family}"` : '', 'sans-serif']
    .filter(Boolean)
    .join(', ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<style>
${face}
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { font-family: ${stack}; font-size: 11pt; line-height: 1.7; color: #111; }
body { margin: 0; }
p { margin: 0 0 0.5em; text-align: justify; }
h1 { font-size: 18pt; text-align: center; margin: 0.4em 0 0.8em; }
h2 { font-size: 15pt; margin: 0.8em 0 0.4em; }
h3, h4, h5, h6 { font-size: 12pt; margin: 0.6em 0 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
td, th { border: 1px solid #888; padding: 3pt 5pt; vertical-align: top; }
img { max-width: 100%; height: auto; }
tr, img { break-inside: avoid; }
pre { white-space: pre-wrap; word-break: break-all; font-family: inherit; margin: 0; }
</style></head>
<body>${options.body}</body></html>`;
}
