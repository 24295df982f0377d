import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { unsafeEntryReason } from './entryPath';

export type ZipSource =
  | { name: string; file: string; compress?: boolean }
  | { name: string; buffer: Buffer; compress?: boolean }
  /** Opened only when its turn comes: entries are written one after another, in order. */
  | { name: string; open: () => Readable | Promise<Readable>; compress?: boolean };

// Fixed: identical content gives identical zips.
const MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * Stream entries into a zip at `outFile`. Written under a temporary name beside it, flushed to
 * disk and then renamed, so a crash or a full disk never leaves a half zip under the real name.
 * Entries are written in the order given (sort them for stable output).
 */
export async function writeZip(outFile: string, entries: Iterable<ZipSource>): Promise<void> {
  const partial = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${randomUUID()}.part`);
  const zip = new yazl.ZipFile();
  // yazl reports read errors on the ZipFile itself, not on its output stream.
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  const written = pipeline(zip.outputStream, createWriteStream(partial, { flags: 'wx' }));
  try {
    for (const entry of entries) addEntry(zip, entry);
    zip.end();
    await Promise.race([written, failed]);
    const handle = await fs.open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(partial, outFile);
  } catch (err) {
    (zip.outputStream as Readable).destroy();
    await written.catch(() => undefined);
    await fs.rm(partial, { force: true });
    throw err;
  }
}

function addEntry(zip: yazl.ZipFile, entry: ZipSource): void {
  const reason = unsafeEntryReason(entry.name);
  if (reason) throw new Error(`unsafe zip entry name ${entry.name}: ${reason}`);
  const options = { mtime: MTIME, mode: 0o100644, compress: entry.compress ?? true };
  if ('file' in entry) return zip.addFile(entry.file, entry.name, options);
  if ('buffer' in entry) return zip.addBuffer(entry.buffer, entry.name, options);
  const open = entry.open;
  zip.addReadStreamLazy(entry.name, options, (cb) => {
    Promise.resolve()
      .then(open)
      .then(
        (stream) => cb(null, stream),
        (err: unknown) => cb(err, undefined as unknown as Readable),
      );
  });
}
