import { LineCapStyle, type PDFPage } from 'pdf-lib';
import { A4, CONTENT_WIDTH, MARGIN, wrapText } from './layout';
import { labels } from './labels';
import { colors, drawLine, type PacketFonts, type TextStyle } from './text';

export interface CatalogueEntry {
  /** Indent level, 0 for top-level indicators. */
  level: number;
  text: string;
  bold: boolean;
}

interface LaidLine {
  text: string;
  x: number;
  y: number;
  style: TextStyle;
  /** Set on an entry's last line: the leader and page number go there. */
  entry: number | null;
}

export interface CatalogueLayout {
  pages: LaidLine[][];
}

const HEADING: TextStyle = { size: 20, weight: 'bold' };
const SIZE = 11;
const LEADING = 1.75;
const INDENT = 14;
// Wide enough for five digits, so wrapping never depends on the numbers themselves and the
// catalogue's length is known before its page numbers are.
const NUMBER_COLUMN = 40;

/**
 * Lay the catalogue out without page numbers. Its page count is then fixed, so the caller can
 * number the content pages (after cover and catalogue) and draw the numbers in.
 */
export function layoutCatalogue(entries: CatalogueEntry[], fonts: PacketFonts): CatalogueLayout {
  const pages: LaidLine[][] = [[]];
  const lineHeight = SIZE * LEADING;
  const top = A4.height - MARGIN.top;
  let y = top - HEADING.size * 3;
  entries.forEach((entry, index) => {
    const style: TextStyle = { size: SIZE, weight: entry.bold ? 'bold' : 'regular' };
    const indent = Math.min(entry.level, 6) * INDENT;
    const width = CONTENT_WIDTH - indent - NUMBER_COLUMN - 12;
    const wrapped = wrapText(entry.text, width, (s) => fonts.width(s, style));
    // Space above top-level entries groups each category visually.
    const extra = entry.level === 0 && index > 0 ? lineHeight * 0.5 : 0;
    if (y - extra - wrapped.length * lineHeight < MARGIN.bottom) {
      pages.push([]);
      y = top;
    } else {
      y -= extra;
    }
    wrapped.forEach((text, i) => {
      y -= lineHeight;
      if (y < MARGIN.bottom) {
        pages.push([]);
        y = top - lineHeight;
      }
      const continuation = i > 0 ? SIZE * 2 : 0;
      pages[pages.length - 1].push({
        text,
        x: MARGIN.left + indent + continuation,
        y,
        style,
        entry: i === wrapped.length - 1 ? index : null,
      });
    });
  });
  return { pages };
}

export function catalogueText(entries: CatalogueEntry[]): { regular: string; bold: string } {
  return {
    regular: entries.filter((e) => !e.bold).map((e) => e.text).join(''),
    bold: labels.catalogue + entries.filter((e) => e.bold).map((e) => e.text).join(''),
  };
}

/** Draw the laid-out catalogue onto its pages, with dotted leaders to each entry's page number. */
export function drawCatalogue(
  pages: PDFPage[],
  layout: CatalogueLayout,
  fonts: PacketFonts,
  pageNumberOf: (entry: number) => number,
): void {
  const right = A4.width - MARGIN.right;
  layout.pages.forEach((lines, p) => {
    const page = pages[p];
    if (p === 0) {
      const w = fonts.width(labels.catalogue, HEADING);
      drawLine(page, fonts, labels.catalogue, (A4.width - w) / 2, A4.height - MARGIN.top - HEADING.size, HEADING);
    }
    for (const line of lines) {
      drawLine(page, fonts, line.text, line.x, line.y, line.style);
      if (line.entry === null) continue;
      const number = String(pageNumberOf(line.entry));
      const numberStyle: TextStyle = { size: SIZE };
      const numberWidth = fonts.width(number, numberStyle);
      drawLine(page, fonts, number, right - numberWidth, line.y, numberStyle);
      const from = line.x + fonts.width(line.text, line.style) + 6;
      const to = right - numberWidth - 6;
      if (to - from > 8) {
        page.drawLine({
          start: { x: from, y: line.y + 2 },
          end: { x: to, y: line.y + 2 },
          thickness: 0.9,
          dashArray: [0.9, 3],
          lineCap: LineCapStyle.Round,
          color: colors.muted,
        });
      }
    }
  });
}
