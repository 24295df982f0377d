import type { Sharp } from 'sharp';
import { ApiError } from '../../../shared/errors';
import { thumbnailPath, type Archive } from '../archive/archive';
import { writeAtomically } from '../photos/atomicImage';
import { ensureDerived, isWebp } from '../photos/derivedFile';
import { openPhoto } from '../photos/photoSource';

export const THUMBNAIL_SIZE = 320;

/** Why a photo could not be decoded, in words a clerk can act on. */
export function undecodableImage(mediaType: string): ApiError {
  if (mediaType === 'image/heic' || mediaType === 'image/heif') {
    return new ApiError('bad_input', 'HEIC 照片已损坏或不完整（可能传输或复制未完成），无法解码');
  }
  return new ApiError('bad_input', '图片已损坏或不完整，无法打开');
}

/**
 * Thumbnail of an opened photo (see photos/photoSource.ts), honouring EXIF orientation (rotate
 * before resize), with JPEG shrink-on-load. It is also the import's decode check: a truncated
 * or corrupt image fails here. Written to `target` atomically.
 */
export async function writeThumbnail(image: Sharp, target: string, mediaType: string): Promise<void> {
  try {
    await writeAtomically(target, (tmp) =>
      image
        .rotate()
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 78 })
        .toFile(tmp),
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw undecodableImage(mediaType);
  }
}

/**
 * The thumbnail of a stored photo, made again from the original when it is missing or damaged
 * (derived/ is rebuildable: a clerk may delete it, a backup may lack it). Null when the
 * original does not decode (or is gone).
 */
export async function ensureThumbnail(archive: Archive, sha256: string, mediaType: string): Promise<string | null> {
  const target = thumbnailPath(archive, sha256);
  return ensureDerived(target, isWebp, async () => {
    try {
      await writeThumbnail((await openPhoto(archive.store.pathFor(sha256), 'error')).image(), target, mediaType);
      return target;
    } catch {
      return null;
    }
  });
}
