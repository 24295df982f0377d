import { randomUUID } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { unsafeEntryReason } from './entryPath';

export type ZipSource = (
  | { name: string; file: string }
  | { name: string; buffer: Buffer }
  /** Opened only when its turn comes: entries are written one after another, in order. */
  | { name: string; open: () => Readable | Promise<Readable> }
) & {
  /** Deflate (default) or store as is (photos and PDFs are compressed already). */
  compress?: boolean;
  /** Sees every byte of the entry's content as it is written (e.g. to hash it). */
  onData?: (chunk: Buffer) => void;
};

// Fixed: identical content gives identical zips. 2000-01-01 00:00 in MS-DOS form.
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const FLAGS = 0x0808; // bit 3: sizes and CRC follow the data; bit 11: names are UTF-8
const MADE_BY = (3 << 8) | 45; // Unix, spec 4.5 (ZIP64)
const FILE_MODE = 0o100644;
const MAX32 = 0xffffffff;
const CHUNK = 1024 * 1024;

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  zip64: boolean;
}

/**
 * Stream entries into a zip at `outFile`: written under a temporary name beside it, flushed to
 * disk and then renamed, so a crash or a full disk never leaves a half zip under the real name.
 * Entries are written in the order given (sort them for stable output). ZIP64 where sizes or
 * offsets pass 4 GB. Written here rather than with yazl because backups and exports stream
 * gigabytes of originals: Node's native zlib.crc32 checksums them at disk speed, where a
 * JavaScript CRC took longer than hashing and copying together.
 */
export async function writeZip(outFile: string, entries: Iterable<ZipSource>): Promise<void> {
  const partial = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${randomUUID()}.part`);
  const handle = await fs.open(partial, 'wx');
  try {
    const out = new Output(handle);
    const written: Written[] = [];
    for (const entry of entries) {
      const reason = unsafeEntryReason(entry.name);
      if (reason) throw new Error(`unsafe zip entry name ${entry.name}: ${reason}`);
      written.push(await writeEntry(out, entry));
    }
    await writeCentralDirectory(out, written);
    await out.flush();
    await handle.sync();
    await handle.close();
    await fs.rename(partial, outFile);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(partial, { force: true });
    throw err;
  }
}

/** Sequential writes with a little buffering for the small headers. */
class Output {
  position = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  constructor(private readonly handle: FileHandle) {}

  /** Written (or buffered) before it returns: the caller may reuse `chunk` afterwards. */
  async write(chunk: Buffer): Promise<void> {
    this.position += chunk.length;
    if (chunk.length >= 64 * 1024) {
      await this.flush();
      await this.writeAll(chunk);
      return;
    }
    this.pending.push(Buffer.from(chunk));
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.writeAll(data);
  }

  private async writeAll(data: Buffer): Promise<void> {
    let done = 0;
    while (done < data.length) done += (await this.handle.write(data, done, data.length - done)).bytesWritten;
  }
}

/**
 * A file's bytes in 1 MB pieces, the next one read while the current one is hashed and written.
 * Stored entries cycle through two buffers (each piece is written before the one after next is
 * read): gigabytes of originals then cost no garbage collection. Deflate holds its input for a
 * while, so it gets fresh buffers.
 */
async function* fileChunks(file: string, reuse: boolean): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, 'r');
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let turn = 0;
  const readNext = () => {
    const buffer = reuse ? buffers[turn++ % 2] : Buffer.allocUnsafe(CHUNK);
    return handle.read(buffer, 0, CHUNK, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  };
  let next = readNext();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      next = readNext();
      yield chunk;
    }
  } finally {
    await next.catch(() => undefined);
    await handle.close();
  }
}

async function sourceOf(entry: ZipSource, compress: boolean): Promise<{ chunks: AsyncIterable<Buffer>; size: number | null }> {
  if ('buffer' in entry) return { chunks: Readable.from([entry.buffer]), size: entry.buffer.length };
  if ('file' in entry) return { chunks: fileChunks(entry.file, !compress), size: (await fs.stat(entry.file)).size };
  return { chunks: await entry.open(), size: null };
}

async function writeEntry(out: Output, entry: ZipSource): Promise<Written> {
  const name = Buffer.from(entry.name, 'utf8');
  const compress = entry.compress ?? true;
  const source = await sourceOf(entry, compress);
  // ZIP64 when the entry may pass 4 GB (deflate can grow incompressible data slightly).
  const zip64 = source.size === null || source.size >= MAX32 - 0x100000;
  const offset = out.position;
  await out.write(localHeader(name, compress ? 8 : 0, zip64));
  let crc = 0;
  let size = 0;
  let compressed = 0;
  const raw = async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of source.chunks) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      crc = zlib.crc32(buf, crc);
      size += buf.length;
      entry.onData?.(buf);
      yield buf;
    }
  };
  const write = async (body: AsyncIterable<Buffer>) => {
    for await (const chunk of body) {
      compressed += chunk.length;
      await out.write(chunk);
    }
  };
  if (compress) {
    // pipeline, not pipe: a read error reaches the loop (and the caller) instead of the process.
    const deflate = zlib.createDeflateRaw({ level: 6 });
    await Promise.all([pipeline(Readable.from(raw()), deflate), write(deflate)]);
  } else {
    await write(raw());
  }
  if (source.size !== null && source.size !== size) {
    throw new Error(`${entry.name} changed while it was being written (${source.size} → ${size} bytes)`);
  }
  const descriptor = Buffer.alloc(zip64 ? 24 : 16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc >>> 0, 4);
  if (zip64) {
    descriptor.writeBigUInt64LE(BigInt(compressed), 8);
    descriptor.writeBigUInt64LE(BigInt(size), 16);
  } else {
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
  }
  await out.write(descriptor);
  return { name, method: compress ? 8 : 0, crc: crc >>> 0, compressed, size, offset, zip64 };
}

function localHeader(name: Buffer, method: number, zip64: boolean): Buffer {
  // A ZIP64 local header carries an extra field with zero sizes: the descriptor has the real ones.
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
  }
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(FLAGS, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(0, 14);
  h.writeUInt32LE(zip64 ? MAX32 : 0, 18);
  h.writeUInt32LE(zip64 ? MAX32 : 0, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, name, extra]);
}

function centralHeader(w: Written): Buffer {
  const big = [w.size >= MAX32, w.compressed >= MAX32, w.offset >= MAX32];
  const fields = [w.size, w.compressed, w.offset].filter((_, i) => big[i]);
  const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
  if (fields.length) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  }
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(w.zip64 || fields.length ? 45 : 20, 6);
  h.writeUInt16LE(FLAGS, 8);
  h.writeUInt16LE(w.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(w.crc, 16);
  h.writeUInt32LE(big[1] ? MAX32 : w.compressed, 20);
  h.writeUInt32LE(big[0] ? MAX32 : w.size, 24);
  h.writeUInt16LE(w.name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32); // comment
  h.writeUInt16LE(0, 34); // disk
  h.writeUInt16LE(0, 36); // internal attributes
  h.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  h.writeUInt32LE(big[2] ? MAX32 : w.offset, 42);
  return Buffer.concat([h, w.name, extra]);
}

async function writeCentralDirectory(out: Output, written: Written[]): Promise<void> {
  const start = out.position;
  for (const w of written) await out.write(centralHeader(w));
  const size = out.position - start;
  const count = written.length;
  if (count >= 0xffff || size >= MAX32 || start >= MAX32) {
    const record = out.position;
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(MADE_BY, 12);
    z.writeUInt16LE(45, 14);
    z.writeUInt32LE(0, 16);
    z.writeUInt32LE(0, 20);
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(size), 40);
    z.writeBigUInt64LE(BigInt(start), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(record), 8);
    locator.writeUInt32LE(1, 16);
    await out.write(Buffer.concat([z, locator]));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(Math.min(size, MAX32), 12);
  end.writeUInt32LE(Math.min(start, MAX32), 16);
  end.writeUInt16LE(0, 20);
  await out.write(end);
}

