import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const THUMBNAIL_SIZE = 320;

/** Thumbnail for a photo, honouring EXIF orientation; written atomically. */
export async function writeThumbnail(source: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.part`;
  await sharp(source, { failOn: 'none' })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 78 })
    .toFile(tmp);
  await fs.rename(tmp, target);
}
