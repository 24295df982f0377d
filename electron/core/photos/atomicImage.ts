import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a derived image through a temporary name beside `target`, then rename: a reader (or a
 * crash) never sees half a file. The temporary file is removed when writing fails.
 */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<unknown>): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
