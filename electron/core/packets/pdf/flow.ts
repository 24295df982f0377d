import type { PDFPage } from 'pdf-lib';
import { A4, CONTENT_WIDTH, MARGIN, wrapText } from './layout';
import { colors, drawLine, type PacketFonts, type TextStyle } from './text';

export interface ParagraphStyle extends TextStyle {
  indent?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  align?: 'left' | 'center';
}

/**
 * Top-to-bottom text flow over as many A4 pages as it needs: the cursor moves down, and a new
 * page starts when the next line would cross the bottom margin.
 */
export class PageFlow {
  readonly pages: PDFPage[] = [];
  private current: PDFPage | null = null;
  y = A4.height - MARGIN.top;

  constructor(
    private readonly addPage: () => PDFPage,
    readonly fonts: PacketFonts,
  ) {}

  get page(): PDFPage {
    if (!this.current) this.nextPage();
    return this.current as PDFPage;
  }

  nextPage(): PDFPage {
    this.current = this.addPage();
    this.pages.push(this.current);
    this.y = A4.height - MARGIN.top;
    return this.current;
  }

  /** Start a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (!this.current || this.y - height < MARGIN.bottom) this.nextPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  paragraph(text: string, style: ParagraphStyle): void {
    const indent = style.indent ?? 0;
    const lineHeight = style.size * (style.leading ?? 1.6);
    const width = CONTENT_WIDTH - indent;
    for (const line of wrapText(text, width, (s) => this.fonts.width(s, style))) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const x =
        style.align === 'center'
          ? MARGIN.left + (CONTENT_WIDTH - this.fonts.width(line, style)) / 2
          : MARGIN.left + indent;
      drawLine(this.page, this.fonts, line, x, this.y + style.size * 0.25, style);
    }
  }

  /** A labelled block: the label in bold, its value indented below. Empty values are skipped. */
  field(label: string, value: string, size = 11): void {
    if (value.trim() === '') return;
    this.ensure(size * 4);
    this.paragraph(label, { size, weight: 'bold', color: colors.accent, leading: 1.8 });
    this.paragraph(value, { size, indent: size * 2, leading: 1.7 });
    this.gap(size * 0.5);
  }

  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: A4.width - MARGIN.right, y: this.y },
      thickness: 0.8,
      color: colors.rule,
    });
    this.y -= 6;
  }
}
