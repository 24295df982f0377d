import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { ApiError } from '../../../shared/errors';

export const THUMBNAIL_SIZE = 320;

/** Why a photo could not be decoded, in words a clerk can act on. */
export function undecodableImage(mediaType: string): ApiError {
  if (mediaType === 'image/heic' || mediaType === 'image/heif') {
    return new ApiError('bad_input', '无法解码 HEIC 照片（本机不支持 HEVC 解码），请在手机或相册中导出为 JPEG 后再添加');
  }
  return new ApiError('bad_input', '图片已损坏或不完整，无法打开');
}

/**
 * Thumbnail for a photo, honouring EXIF orientation (rotate before resize), with JPEG
 * shrink-on-load. It is also the import's decode check: a truncated or corrupt image fails here.
 * Written to `target` atomically.
 */
export async function writeThumbnail(source: string, target: string, mediaType: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    await sharp(source, { failOn: 'truncated' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toFile(tmp);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw undecodableImage(mediaType);
  }
}
