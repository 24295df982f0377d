import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sharp } from 'sharp';
import type { Archive } from '../archive/archive';
import { writeAtomically } from './atomicImage';
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

/** In-flight renditions by hash: two requests for the same photo decode it once. */
const pending = new Map<string, Promise<string | null>>();

/**
 * A file browsers and PDF can take for this stored photo: the original when it is one, else its
 * JPEG rendition (made from the original when missing: derived files are rebuildable). Null
 * when the original does not decode.
 */
export async function viewablePhoto(archive: Archive, sha256: string): Promise<{ file: string; converted: boolean } | null> {
  const original = archive.store.pathFor(sha256);
  const target = renditionPath(archive, sha256);
  if (await exists(target)) return { file: target, converted: true };
  let made = pending.get(target);
  if (!made) {
    made = makeRendition(original, target).finally(() => pending.delete(target));
    pending.set(target, made);
  }
  const file = await made;
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

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
