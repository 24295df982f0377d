import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { EmbeddedFont, FontWeight } from './fonts';
import { cleanText, Measurer } from './layout';

/** The two embedded subsets and their measurers. */
export class PacketFonts {
  readonly measurers: Record<FontWeight, Measurer>;

  constructor(
    readonly regular: EmbeddedFont,
    readonly bold: EmbeddedFont,
  ) {
    this.measurers = { regular: new Measurer(regular.font), bold: new Measurer(bold.font) };
  }

  get(weight: FontWeight): EmbeddedFont {
    return weight === 'bold' ? this.bold : this.regular;
  }

  width(text: string, style: TextStyle): number {
    return this.measurers[style.weight ?? 'regular'].width(text, style.size);
  }
}

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: RGB;
}

export const colors = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.42, 0.42, 0.42),
  accent: rgb(0.58, 0.07, 0.07),
  rule: rgb(0.75, 0.75, 0.75),
} as const;

/** Draw one line of text with its baseline at y. */
export function drawLine(page: PDFPage, fonts: PacketFonts, text: string, x: number, y: number, style: TextStyle): void {
  const line = cleanText(text).replace(/\n/g, ' ');
  if (line.trim() === '') return;
  page.drawText(line, {
    x,
    y,
    size: style.size,
    font: fonts.get(style.weight ?? 'regular').font,
    color: style.color ?? colors.text,
  });
}
