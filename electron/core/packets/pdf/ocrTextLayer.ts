import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { OcrPageLine } from '../../ocr/ocrStore';
import { cleanText } from './layout';

/** The font's glyphs fill about this much of a recognised line's box (DB grows it by its unclip). */
const GLYPH_SHARE = 0.72;

/**
 * The text OCR read on a scanned page, laid over it invisibly (text render mode 3) where it was
 * found, each line squeezed to its box's width: an inspector searches and copies it in any
 * reader, and `pdftotext` finds it, while the page looks as scanned. Upright pages only: the
 * lines were found on the page as shown, which for a /Rotate page is not its own coordinates.
 */
export function addOcrTextLayer(page: PDFPage, font: PDFFont, lines: OcrPageLine[]): void {
  if (((page.getRotation().angle % 360) + 360) % 360 !== 0 || lines.length === 0) return;
  const box = page.getCropBox();
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const line of lines) {
    const text = cleanText(line.t).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const height = line.h * box.height;
    const size = Math.max(1, height * GLYPH_SHARE);
    const natural = font.widthOfTextAtSize(text, size);
    const width = line.w * box.width;
    const x = box.x + line.x * box.width;
    // Baseline: the box's bottom, raised by the share of it below the glyphs.
    const y = box.y + box.height - (line.y + line.h) * box.height + (height - size) / 2 + size * 0.12;
    ops.push(
      setFontAndSize(key, size),
      setCharacterSqueeze(natural > 0 ? Math.max(10, Math.min(1000, (width / natural) * 100)) : 100),
      setTextMatrix(1, 0, 0, 1, x, y),
      showText(font.encodeText(text)),
    );
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}
