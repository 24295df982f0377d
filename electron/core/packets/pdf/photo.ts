import sharp from 'sharp';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { Material } from '../../../../shared/domain';
import { A4, CONTENT_WIDTH, MARGIN, wrapText } from './layout';
import { formatDate, labels } from './labels';
import { drawLine, type PacketFonts, type TextStyle } from './text';

/** Long side in pixels: about 240 dpi across A4, sharp enough to read, small enough to keep. */
const MAX_PIXELS = 2000;
const CAPTION: TextStyle = { size: 11 };
const CAPTION_LEADING = 1.7;

export interface PreparedImage {
  bytes: Buffer;
  format: 'jpg' | 'png';
  width: number;
  height: number;
}

/**
 * Decode, turn upright by its EXIF orientation (rotate() must come before resize), shrink to at
 * most MAX_PIXELS, and re-encode as something PDF can hold: PNG stays lossless (screenshots,
 * scans of text), everything else becomes JPEG on white.
 */
export async function prepareImage(file: string, mediaType: string): Promise<PreparedImage> {
  let pipeline = sharp(file, { failOn: 'error' })
    .rotate()
    .resize({ width: MAX_PIXELS, height: MAX_PIXELS, fit: 'inside', withoutEnlargement: true });
  const png = mediaType === 'image/png';
  pipeline = png ? pipeline.png({ compressionLevel: 6 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { bytes: data, format: png ? 'png' : 'jpg', width: info.width, height: info.height };
}

export function captionLines(material: Material): string[] {
  const lines = [`${labels.title}${labels.separator}${material.title}`];
  const date = formatDate(material.date);
  if (date) lines.push(`${labels.date}${labels.separator}${date}`);
  return lines;
}

/** One A4 page: the photo as large as fits above its caption, centred. */
export async function drawPhotoPage(doc: PDFDocument, page: PDFPage, fonts: PacketFonts, image: PreparedImage, material: Material): Promise<void> {
  const embedded = image.format === 'png' ? await doc.embedPng(image.bytes) : await doc.embedJpg(image.bytes);
  const wrapped = captionLines(material).flatMap((line) => wrapText(line, CONTENT_WIDTH, (s) => fonts.width(s, CAPTION)));
  const lineHeight = CAPTION.size * CAPTION_LEADING;
  const captionTop = MARGIN.bottom + wrapped.length * lineHeight + 10;
  const boxTop = A4.height - MARGIN.top;
  const boxHeight = boxTop - captionTop - 14;
  const scale = Math.min(CONTENT_WIDTH / image.width, boxHeight / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(embedded, { x: MARGIN.left + (CONTENT_WIDTH - w) / 2, y: captionTop + 14 + (boxHeight - h) / 2, width: w, height: h });
  let y = captionTop;
  for (const line of wrapped) {
    y -= lineHeight;
    drawLine(page, fonts, line, MARGIN.left, y + CAPTION.size * 0.3, CAPTION);
  }
}
