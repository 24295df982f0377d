import sharp from 'sharp';
import type { PDFDocument, PDFImage, PDFPage } from 'pdf-lib';
import type { ImageQuality, Material } from '../../../../shared/domain';
import { wrapText } from './layout';
import { formatDate, labels } from './labels';
import { drawLine, type PacketFonts, type TextStyle } from './text';

/** Long side in pixels and JPEG quality. “standard” is about 240 dpi across A4. */
export interface ImagePreset {
  maxPixels: number;
  quality: number;
  /** Re-encode PNG as JPEG too (only when squeezing under a size cap). */
  pngAsJpeg: boolean;
}

export const IMAGE_PRESETS: Record<ImageQuality, ImagePreset> = {
  high: { maxPixels: 2600, quality: 90, pngAsJpeg: false },
  standard: { maxPixels: 2000, quality: 85, pngAsJpeg: false },
  compact: { maxPixels: 1400, quality: 72, pngAsJpeg: false },
};

/** Steps below “compact”, tried in turn to bring a 网上申报 PDF under its size cap. */
export const SQUEEZE_PRESETS: ImagePreset[] = [
  { maxPixels: 1200, quality: 65, pngAsJpeg: true },
  { maxPixels: 900, quality: 55, pngAsJpeg: true },
  { maxPixels: 640, quality: 45, pngAsJpeg: true },
];

const CAPTION: TextStyle = { size: 10.5 };
const CAPTION_SMALL: TextStyle = { size: 9 };
const LEADING = 1.6;

export interface PreparedImage {
  bytes: Buffer;
  format: 'jpg' | 'png';
  width: number;
  height: number;
}

/**
 * Decode, turn upright by its EXIF orientation (rotate() must come before resize), shrink to the
 * preset's size, and re-encode as something PDF can hold: PNG stays lossless (screenshots,
 * scans of text) unless squeezing, everything else becomes JPEG on white.
 */
export async function prepareImage(file: string, mediaType: string, preset: ImagePreset = IMAGE_PRESETS.standard): Promise<PreparedImage> {
  let pipeline = sharp(file, { failOn: 'error' })
    .rotate()
    .resize({ width: preset.maxPixels, height: preset.maxPixels, fit: 'inside', withoutEnlargement: true });
  const png = mediaType === 'image/png' && !preset.pngAsJpeg;
  pipeline = png
    ? pipeline.png({ compressionLevel: 6 })
    : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: preset.quality });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { bytes: data, format: png ? 'png' : 'jpg', width: info.width, height: info.height };
}

export async function embedImage(doc: PDFDocument, image: PreparedImage): Promise<PDFImage> {
  return image.format === 'png' ? doc.embedPng(image.bytes) : doc.embedJpg(image.bytes);
}

/** DA/T 50 caption: 题名, 时间, 地点, 摄影者 (those filled in). */
export function captionLines(material: Material, ownCaption = ''): string[] {
  const sep = labels.separator;
  const lines = [`${labels.title}${sep}${ownCaption || material.title}`];
  const time = material.photoTime?.trim() || formatDate(material.date);
  if (time) lines.push(`${labels.photoTime}${sep}${time}`);
  if (material.place?.trim()) lines.push(`${labels.place}${sep}${material.place.trim()}`);
  if (material.photographer?.trim()) lines.push(`${labels.photographer}${sep}${material.photographer.trim()}`);
  return lines;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The photo as large as fits in `box` above its caption, centred. */
export function drawPhotoInBox(page: PDFPage, fonts: PacketFonts, embedded: PDFImage, box: Box, caption: string[], small: boolean): void {
  const style = small ? CAPTION_SMALL : CAPTION;
  const wrapped = caption.flatMap((line) => wrapText(line, box.width, (s) => fonts.width(s, style)));
  const lineHeight = style.size * LEADING;
  const captionHeight = wrapped.length * lineHeight + 8;
  const imageHeight = Math.max(20, box.height - captionHeight);
  const scale = Math.min(box.width / embedded.width, imageHeight / embedded.height);
  const w = embedded.width * scale;
  const h = embedded.height * scale;
  const imageBottom = box.y + captionHeight;
  page.drawImage(embedded, { x: box.x + (box.width - w) / 2, y: imageBottom + (imageHeight - h) / 2, width: w, height: h });
  let y = imageBottom - 6;
  for (const line of wrapped) {
    y -= lineHeight;
    drawLine(page, fonts, line, box.x, y + style.size * 0.3, style);
  }
}
