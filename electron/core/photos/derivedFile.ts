import fs from 'node:fs/promises';

/** In-flight rebuilds by target: two requests for the same file make it once. */
const pending = new Map<string, Promise<string | null>>();

/**
 * A derived file (thumbnail, rendition) is rebuildable: when it is missing, or its first bytes
 * are not what it should be (cut short, overwritten), `make` writes it again from the original
 * and its path comes back; null when the original cannot give one.
 */
export async function ensureDerived(target: string, looksRight: (head: Buffer) => boolean, make: () => Promise<string | null>): Promise<string | null> {
  if (await isSound(target, looksRight)) return target;
  let made = pending.get(target);
  if (!made) {
    made = make().finally(() => pending.delete(target));
    pending.set(target, made);
  }
  return made;
}

async function isSound(file: string, looksRight: (head: Buffer) => boolean): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    return bytesRead === 16 && looksRight(head);
  } finally {
    await handle.close();
  }
}

export const isWebp = (head: Buffer) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP';
export const isJpeg = (head: Buffer) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
