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
 * Where a point of the page as shown (x to the right, y up, from its bottom-left corner) lies in
 * the page's own coordinates, for each /Rotate (clockwise, as readers show it).
 */
function shownToPage(angle: number, box: { x: number; y: number; width: number; height: number }) {
  const { x: bx, y: by, width: w, height: h } = box;
  switch (angle) {
    case 90:
      return (x: number, y: number) => [bx + w - y, by + x];
    case 180:
      return (x: number, y: number) => [bx + w - x, by + h - y];
    case 270:
      return (x: number, y: number) => [bx + y, by + h - x];
    default:
      return (x: number, y: number) => [bx + x, by + y];
  }
}

/**
 * The text OCR read on a scanned page, laid over it invisibly (text render mode 3) where it was
 * found, each line squeezed to its box's width: an inspector searches and copies it in any
 * reader, and `pdftotext` finds it, while the page looks as scanned. OCR read the page as shown,
 * so on a /Rotate page each line is placed back into the page's own coordinates and turned with
 * the page: it runs along the line as the reader shows it.
 */
export function addOcrTextLayer(page: PDFPage, font: PDFFont, lines: OcrPageLine[]): void {
  if (lines.length === 0) return;
  const angle = (((page.getRotation().angle % 360) + 360) % 360);
  if (angle % 90 !== 0) return;
  const box = page.getCropBox();
  const sideways = angle === 90 || angle === 270;
  // The page as shown: its width and height swap when it is turned a quarter.
  const shown = sideways ? { width: box.height, height: box.width } : { width: box.width, height: box.height };
  const toPage = shownToPage(angle, box);
  const cos = Math.round(Math.cos((angle * Math.PI) / 180));
  const sin = Math.round(Math.sin((angle * Math.PI) / 180));
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const line of lines) {
    const text = cleanText(line.t).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const height = line.h * shown.height;
    const size = Math.max(1, height * GLYPH_SHARE);
    const natural = font.widthOfTextAtSize(text, size);
    const width = line.w * shown.width;
    // Baseline: the box's bottom, raised by the share of it below the glyphs.
    const [x, y] = toPage(line.x * shown.width, shown.height - (line.y + line.h) * shown.height + (height - size) / 2 + size * 0.12);
    ops.push(
      setFontAndSize(key, size),
      setCharacterSqueeze(natural > 0 ? Math.max(10, Math.min(1000, (width / natural) * 100)) : 100),
      setTextMatrix(cos, sin, -sin, cos, x, y),
      showText(font.encodeText(text)),
    );
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}
