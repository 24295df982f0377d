import type { PDFFont } from 'pdf-lib';

/** A4 portrait in points, and the text area every generated page uses. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 62, right: 62, top: 70, bottom: 64 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Baseline of the page-number footer. */
export const FOOTER_Y = 32;

/**
 * Width of text in points. Per-character advances, cached: pdf-lib draws Identity-H glyphs by
 * their advance widths (no kerning), so the sum is exactly what ends up on the page, and the
 * cache keeps a catalogue of thousands of lines cheap to measure.
 */
export class Measurer {
  private readonly cache = new Map<string, number>();

  constructor(readonly font: PDFFont) {}

  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) {
      let w = this.cache.get(ch);
      if (w === undefined) {
        w = this.font.widthOfTextAtSize(ch, 1000);
        this.cache.set(ch, w);
      }
      units += w;
    }
    return (units * size) / 1000;
  }
}

/** Text as it may be drawn: control characters (tabs, stray CRs) become spaces. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

// Punctuation that must not start a line (禁则): it hangs at the end of the previous one.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〉”’…—·%,.;:?!)]}']);
// Runs kept together when they fit on a line: Latin words, numbers, codes such as 1.2.3.
const TOKEN = /[A-Za-z0-9\u00c0-\u024f_\-.:/@#%&+=]+|\s+|[\s\S]/gu;

/**
 * Greedy line breaking for mixed Chinese and Latin text: break between any two Han characters,
 * keep Latin words and numbers whole unless a word alone is wider than the line, never start a
 * line with closing punctuation. Hard newlines are kept. Returns at least one (maybe empty) line.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    };
    for (const token of paragraph.match(TOKEN) ?? []) {
      const isSpace = /^\s+$/.test(token);
      if (isSpace && line === '') continue;
      const w = measure(token);
      if (lineWidth + w <= maxWidth || isSpace) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (line !== '' && NO_LINE_START.has(token)) {
        // Hang the punctuation past the margin rather than orphan it on the next line.
        line += token;
        lineWidth += w;
        continue;
      }
      if (line !== '') push();
      if (w <= maxWidth) {
        line = token;
        lineWidth = w;
        continue;
      }
      // A word wider than the whole line: break it by characters.
      for (const ch of token) {
        const cw = measure(ch);
        if (lineWidth + cw > maxWidth && line !== '') push();
        line += ch;
        lineWidth += cw;
      }
    }
    push();
  }
  return lines.length ? lines : [''];
}

/** Shorten to fit `maxWidth`, ending in “…”. */
export function ellipsize(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(chars.join('') + '…') > maxWidth) chars.pop();
  return chars.join('') + '…';
}
