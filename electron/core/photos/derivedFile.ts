import fs from 'node:fs/promises';

/** In-flight rebuilds by target: two requests for the same file make it once. */
const pending = new Map<string, Promise<string | null>>();

/** The ends of a file: enough to tell a whole image or PDF from one cut short or overwritten. */
export interface FileEnds {
  head: Buffer;
  tail: Buffer;
  size: number;
}

/**
 * A derived file (thumbnail, rendition, printed 会议纪要) is rebuildable: when it is missing, or
 * its ends are not what they should be (cut short, overwritten), `make` writes it again from the
 * original and its path comes back; null when the original cannot give one.
 */
export async function ensureDerived(target: string, looksRight: (ends: FileEnds) => boolean, make: () => Promise<string | null>): Promise<string | null> {
  if (await isSound(target, looksRight)) return target;
  let made = pending.get(target);
  if (!made) {
    made = make().finally(() => pending.delete(target));
    pending.set(target, made);
  }
  return made;
}

async function isSound(file: string, looksRight: (ends: FileEnds) => boolean): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return false;
  }
  try {
    const { size } = await handle.stat();
    if (size < 32) return false;
    const head = Buffer.alloc(16);
    const tail = Buffer.alloc(32);
    await handle.read(head, 0, 16, 0);
    await handle.read(tail, 0, 32, size - 32);
    return looksRight({ head, tail, size });
  } finally {
    await handle.close();
  }
}

/** RIFF/WEBP whose RIFF size covers the whole file. */
export const isWebp = ({ head, size }: FileEnds) =>
  head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP' && head.readUInt32LE(4) + 8 === size;
/** Starts with SOI and ends with EOI. */
export const isJpeg = ({ head, tail }: FileEnds) => head[0] === 0xff && head[1] === 0xd8 && tail[30] === 0xff && tail[31] === 0xd9;
/** %PDF- at the start, %%EOF near the end. */
export const isPdf = ({ head, tail }: FileEnds) => head.toString('latin1', 0, 5) === '%PDF-' && tail.includes('%%EOF');
