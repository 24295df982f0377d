import path from 'node:path';
import type { Sharp } from 'sharp';
import type { Archive } from '../archive/archive';
import { writeAtomically } from './atomicImage';
import { ensureDerived, isJpeg } from './derivedFile';
import { openPhoto } from './photoSource';

/**
 * Long side of the JPEG that stands in for a photo browsers cannot show (HEIC): as large as the
 * “high” packet preset, so neither the preview nor a packet loses detail to it.
 */
export const RENDITION_MAX = 2600;

/** derived/views/ab/<sha256>.jpg, beside derived/thumbs/: rebuildable from the original. */
export function renditionPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'views', sha256.slice(0, 2), `${sha256}.jpg`);
}

/** The upright JPEG rendition of opened pixels, written to `target` atomically. */
export async function writeRendition(image: Sharp, target: string): Promise<void> {
  await writeAtomically(target, (tmp) =>
    image
      .rotate()
      .resize(RENDITION_MAX, RENDITION_MAX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 90 })
      .toFile(tmp),
  );
}

/**
 * A file browsers and PDF can take for this stored photo: the original when it is one, else its
 * JPEG rendition (made again from the original when missing or damaged: derived files are
 * rebuildable). Null when the original does not decode.
 */
export async function viewablePhoto(archive: Archive, sha256: string): Promise<{ file: string; converted: boolean } | null> {
  const target = renditionPath(archive, sha256);
  const file = await ensureDerived(target, isJpeg, () => makeRendition(archive.store.pathFor(sha256), target));
  if (file === null) return null;
  return { file, converted: file === target };
}

async function makeRendition(original: string, target: string): Promise<string | null> {
  try {
    const photo = await openPhoto(original, 'error');
    if (photo.browserViewable) return original;
    await writeRendition(photo.image(), target);
    return target;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
    return null;
  }
}
