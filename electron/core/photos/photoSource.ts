import fs from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { decodeHeic } from './heicDecoder';

export interface OpenedPhoto {
  /**
   * A new pipeline over the pixels, ready for `.rotate()` (EXIF orientation) and resizing; call
   * it once per output. (Not sharp's clone(): that copies a decoded HEIC's 48 MB of pixels on
   * the main thread, stalling everything else for tens of milliseconds.)
   */
  image: () => Sharp;
  /** False when browsers cannot show the original (HEIC): the UI shows a JPEG rendition instead. */
  browserViewable: boolean;
}

/** ISO-BMFF files start with an `ftyp` box; only those can be HEIF, so others skip the header read. */
async function startsWithFtyp(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return bytesRead === 12 && head.toString('latin1', 4, 8) === 'ftyp';
  } finally {
    await handle.close();
  }
}

/**
 * Whether the photo is HEVC-coded HEIF (what iPhones write), decided by what the file is, not by
 * its name or a stored media type (a 组照 mixes photos). sharp reads the HEIF header; it just
 * cannot decode HEVC. AVIF (also HEIF) stays with sharp, which decodes it.
 */
export async function isHevcPhoto(file: string): Promise<boolean> {
  if (!(await startsWithFtyp(file))) return false;
  try {
    const meta = await sharp(file).metadata();
    return meta.format === 'heif' && meta.compression === 'hevc';
  } catch {
    // A damaged HEIC whose header does not read: the WASM decoder gets its chance to say so.
    return true;
  }
}

/**
 * Open a photo for resizing and re-encoding. HEIC is decoded to pixels off the main thread (its
 * rotation already applied by libheif, so `.rotate()` is a no-op on it and the EXIF orientation,
 * which only repeats it, is not applied twice); everything else is read by sharp directly.
 * Rejects, with no reason of its own, when the photo does not decode.
 */
export async function openPhoto(file: string, failOn: 'truncated' | 'error'): Promise<OpenedPhoto> {
  if (!(await isHevcPhoto(file))) return { image: () => sharp(file, { failOn }), browserViewable: true };
  const { width, height, data } = await decodeHeic(file);
  // Phone photos are opaque: drop the alpha channel libheif always fills.
  const image = () => sharp(data, { raw: { width, height, channels: 4 } }).removeAlpha();
  return { image, browserViewable: false };
}
