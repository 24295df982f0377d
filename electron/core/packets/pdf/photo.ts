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
/** Between the photo's lower edge and its caption's first line. */
const CAPTION_GAP = 8;

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

/**
 * The caption published 测评 guidelines ask under each photo (DA/T 50 fields, those filled in):
 * 题名, 时间 (this photo's own: a 组照 photo's EXIF time before the group's), 地点, 人物,
 * 事由、背景 (the 说明 field), 摄影者.
 */
export function captionLines(material: Material, ownCaption = '', ownTime: string | null = null): string[] {
  const sep = labels.separator;
  const lines = [`${labels.title}${sep}${ownCaption || material.title}`];
  const time = ownTime?.trim().slice(0, 16) || material.photoTime?.trim() || formatDate(material.date);
  if (time) lines.push(`${labels.photoTime}${sep}${time}`);
  const fields: [string, string | undefined][] = [
    [labels.place, material.place],
    [labels.people, material.people],
    [labels.cause, material.description],
    [labels.photographer, material.photographer],
  ];
  for (const [label, value] of fields) if (value?.trim()) lines.push(`${label}${sep}${value.trim()}`);
  return lines;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The photo as large as fits in `box` with its caption directly beneath it (not at the foot of
 * the box), the two centred together; a portrait photo stands upright as tall as the box allows.
 */
export function drawPhotoInBox(page: PDFPage, fonts: PacketFonts, embedded: PDFImage, box: Box, caption: string[], small: boolean): void {
  const style = small ? CAPTION_SMALL : CAPTION;
  const wrapped = caption.flatMap((line) => wrapText(line, box.width, (s) => fonts.width(s, style)));
  const lineHeight = style.size * LEADING;
  const captionHeight = wrapped.length * lineHeight + CAPTION_GAP;
  const imageHeight = Math.max(20, box.height - captionHeight);
  const scale = Math.min(box.width / embedded.width, imageHeight / embedded.height);
  const w = embedded.width * scale;
  const h = embedded.height * scale;
  // Centre photo and caption as one block; the caption starts right under the photo.
  const top = box.y + box.height - (box.height - h - captionHeight) / 2;
  const imageBottom = top - h;
  page.drawImage(embedded, { x: box.x + (box.width - w) / 2, y: imageBottom, width: w, height: h });
  // Caption lines start at the photo's left edge when the photo is narrower than the box.
  const textWidth = Math.max(...wrapped.map((l) => fonts.width(l, style)));
  const left = w >= textWidth ? box.x + (box.width - w) / 2 : box.x + Math.max(0, (box.width - textWidth) / 2);
  let y = imageBottom - CAPTION_GAP + lineHeight * 0.15;
  for (const line of wrapped) {
    y -= lineHeight;
    drawLine(page, fonts, line, left, y + style.size * 0.3, style);
  }
}
