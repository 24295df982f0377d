import { rgb, type PDFPage } from 'pdf-lib';
import type { PageFlow } from './flow';
import { A4, MARGIN, wrapText } from './layout';
import { colors, drawLine } from './text';

/** One cell of a form row: a label (bold, shaded) or a value; widths in points, summing to the row. */
export interface FormCell {
  text: string;
  width: number;
  label?: boolean;
  align?: 'left' | 'center';
  /** Drawn later (page numbers known only once the materials are in): called with the cell's box. */
  later?: (slot: LaterSlot) => void;
}

export interface LaterSlot {
  page: PDFPage;
  x: number;
  /** Baseline of the cell's first line. */
  y: number;
  width: number;
}

const PAD = 5;
const SHADE = rgb(0.94, 0.94, 0.94);
const BORDER = rgb(0.2, 0.2, 0.2);

/**
 * Rows of a bordered form on the page flow, as printed 提交表 are: every cell wraps its text, the
 * row is as tall as its tallest cell (at least `minHeight`), and a row that does not fit starts a
 * new page. A row taller than a whole page is cut between lines, its label repeated.
 */
export class FormTable {
  constructor(
    private readonly flow: PageFlow,
    private readonly size = 10.5,
  ) {}

  private get lineHeight(): number {
    return this.size * 1.55;
  }

  row(cells: FormCell[], minHeight = 0): void {
    const style = (c: FormCell) => ({ size: this.size, weight: c.label ? ('bold' as const) : ('regular' as const) });
    const lines = cells.map((c) => (c.text === '' ? [] : wrapText(c.text, c.width - PAD * 2, (s) => this.flow.fonts.width(s, style(c)))));
    const pageRoom = A4.height - MARGIN.top - MARGIN.bottom;
    const maxLines = Math.floor((pageRoom - PAD * 2) / this.lineHeight);
    const tallest = Math.max(1, ...lines.map((l) => l.length));
    if (tallest > maxLines) {
      // Cut: the first part on as many lines as a page holds, the rest as a row of its own.
      const head = cells.map((c, i) => ({ ...c, text: c.label ? c.text : lines[i].slice(0, maxLines).join('\n') }));
      const tail = cells.map((c, i) => ({ ...c, text: c.label ? c.text : lines[i].slice(maxLines).join('\n'), later: undefined }));
      this.row(head);
      this.row(tail);
      return;
    }
    const height = Math.max(minHeight, tallest * this.lineHeight + PAD * 2);
    this.flow.ensure(height);
    const page = this.flow.page;
    const top = this.flow.y;
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      page.drawRectangle({
        x,
        y: top - height,
        width: cell.width,
        height,
        borderColor: BORDER,
        borderWidth: 0.6,
        color: cell.label ? SHADE : undefined,
      });
      const firstBaseline = top - PAD - this.size * 1.05;
      // Labels sit in the middle of their cell, as in the printed forms.
      const offset = cell.label ? (height - PAD * 2 - lines[i].length * this.lineHeight) / 2 : 0;
      lines[i].forEach((line, n) => {
        const w = this.flow.fonts.width(line, style(cell));
        const lx = cell.label || cell.align === 'center' ? x + (cell.width - w) / 2 : x + PAD;
        drawLine(page, this.flow.fonts, line, lx, firstBaseline - offset - n * this.lineHeight, { ...style(cell), color: colors.text });
      });
      cell.later?.({ page, x: x + PAD, y: firstBaseline, width: cell.width - PAD * 2 });
      x += cell.width;
    });
    this.flow.y = top - height;
  }
}
