import { createHash } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../../../shared/errors';
import { entryTarget, isSymlinkEntry, shownName, unsafeEntryReason } from './entryPath';

export interface ZipLimits {
  /** Most entries accepted (a zip of millions of empty entries is a bomb too). */
  maxEntries: number;
  /** Most bytes all entries may expand to, counted as declared and again as written. */
  maxTotalBytes: number;
  /** Largest expansion of one entry over its compressed size (only for entries over 1 MB). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 100_000, maxTotalBytes: 4 * 1024 ** 3, maxRatio: 200 };

export type UnsafeZipKind = 'slip' | 'bomb' | 'corrupt' | 'encrypted';

/** A zip refused before anything was written outside a scratch folder; message in Chinese. */
export class UnsafeZipError extends ApiError {
  constructor(
    readonly kind: UnsafeZipKind,
    message: string,
  ) {
    super('bad_input', message);
  }
}

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated; anything else is read through yauzl. */
  method: number;
  isDirectory: boolean;
}

export interface ExtractOptions {
  /** Called with each file's SHA-256 as written; may throw to stop (e.g. against a manifest). */
  onWritten?: (name: string, sha256: string) => void;
  /** Write only these entries (files; folders follow from them); the rest are checked, never written. */
  only?: ReadonlySet<string>;
  /** Most bytes written in all; the limits' total when not given. */
  maxWrittenBytes?: number;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(translate(err));
      else resolve(zip);
    });
  });
}

/** yauzl's and zlib's English messages never reach the clerk: each kind gets its own Chinese words. */
function translate(err: unknown): UnsafeZipError {
  if (err instanceof UnsafeZipError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/relative path|absolute path|invalid characters/i.test(message)) {
    return new UnsafeZipError('slip', '压缩包中有越出目标文件夹的路径（zip-slip），已拒绝');
  }
  if (/too many bytes|uncompressed size/i.test(message)) {
    return new UnsafeZipError('bomb', '压缩包中的文件实际大小超过其声明大小（疑似压缩炸弹），已拒绝');
  }
  if (/end of central directory|eof|truncated|unexpected end/i.test(message)) {
    return new UnsafeZipError('corrupt', '压缩包不完整（文件被截断或未下载完），已拒绝');
  }
  return new UnsafeZipError('corrupt', '压缩包已损坏或不是有效的 zip 文件，已拒绝');
}

/** Check one entry against the rules; `running` is the declared total so far (this entry included). */
function checkEntry(entry: Entry, index: number, running: number, limits: ZipLimits): void {
  const name = shownName(entry.fileName);
  const reason = unsafeEntryReason(entry.fileName);
  if (reason) throw new UnsafeZipError('slip', `压缩包中的“${name}”${reason}（zip-slip），已拒绝`);
  if (isSymlinkEntry(entry.externalFileAttributes)) {
    throw new UnsafeZipError('slip', `压缩包中的“${name}”是符号链接，可能指向目标文件夹之外，已拒绝`);
  }
  if (entry.isEncrypted()) throw new UnsafeZipError('encrypted', `压缩包中的“${name}”已加密，无法检查，已拒绝`);
  if (index >= limits.maxEntries) {
    throw new UnsafeZipError('bomb', `压缩包中的文件数超过上限（${limits.maxEntries} 个，疑似压缩炸弹），已拒绝`);
  }
  if (running > limits.maxTotalBytes) {
    throw new UnsafeZipError('bomb', `压缩包解压后超过大小上限（${formatBytes(limits.maxTotalBytes)}，疑似压缩炸弹），已拒绝`);
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > 1024 ** 2 && ratio > limits.maxRatio) {
    throw new UnsafeZipError('bomb', `压缩包中的“${name}”压缩比异常（${Math.round(ratio)} 倍，疑似压缩炸弹），已拒绝`);
  }
}

function isDiskError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/** Walk the central directory, checking every entry before anything is extracted. */
async function eachEntry(zip: ZipFile, limits: ZipLimits, visit: (entry: Entry) => Promise<void>): Promise<void> {
  let index = 0;
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: unknown) => reject(translate(err)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      try {
        checkEntry(entry, index, declared, limits);
      } catch (err) {
        reject(err);
        return;
      }
      index += 1;
      visit(entry).then(() => zip.readEntry(), reject);
    });
    zip.readEntry();
  });
}

/** Every entry, checked against the limits (names, links, counts, sizes); nothing extracted. */
export async function listZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntryInfo[]> {
  const zip = await openZip(file);
  const out: ZipEntryInfo[] = [];
  try {
    await eachEntry(zip, limits, async (e) => {
      out.push({ name: e.fileName, size: e.uncompressedSize, compressedSize: e.compressedSize, method: e.compressionMethod, isDirectory: e.fileName.endsWith('/') });
    });
    return out;
  } finally {
    zip.close();
  }
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(translate(err)) : resolve(stream)));
  });
}

const READ_CHUNK = 1024 * 1024;

/**
 * An entry's content, read straight from the zip file in 1 MB pieces (yauzl's own stream reads
 * 16 KB at a time, which made restoring a backup several times slower than copying it). Stored
 * entries are read into one reused buffer: each piece must be used before the next is asked
 * for. Deflated ones are inflated by zlib; any other method goes through yauzl.
 */
async function* entryChunks(zipFile: FileHandle, zip: ZipFile, entry: Entry, buffer: Buffer): AsyncGenerator<Buffer> {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    for await (const chunk of await openEntry(zip, entry)) yield chunk as Buffer;
    return;
  }
  const header = Buffer.alloc(30);
  const { bytesRead } = await zipFile.read(header, 0, 30, entry.relativeOffsetOfLocalHeader);
  if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) {
    throw new UnsafeZipError('corrupt', `压缩包已损坏：“${shownName(entry.fileName)}”的文件头无效`);
  }
  const start = entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const end = start + entry.compressedSize;
  const raw = async function* (): AsyncGenerator<Buffer> {
    for (let at = start; at < end; ) {
      const piece = entry.compressionMethod === 0 ? buffer : Buffer.allocUnsafe(READ_CHUNK);
      const n = (await zipFile.read(piece, 0, Math.min(READ_CHUNK, end - at), at)).bytesRead;
      if (n === 0) throw new UnsafeZipError('corrupt', `压缩包已损坏：“${shownName(entry.fileName)}”不完整`);
      at += n;
      yield piece.subarray(0, n);
    }
  };
  if (entry.compressionMethod === 0) {
    yield* raw();
    return;
  }
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  // pipeline, not pipe: a read error ends the loop with it instead of leaving it waiting.
  const piped = pipeline(Readable.from(raw()), inflate);
  piped.catch(() => undefined); // the same error surfaces in the loop below
  for await (const chunk of inflate) yield chunk as Buffer;
  await piped;
}

/**
 * Extract into `targetDir` (created if missing). Every entry is checked first (zip-slip,
 * symlinks, encryption, count, declared size, ratio); bytes actually written are counted again,
 * so an entry that lies about its size (in its local header or the central directory) stops at
 * its declared size, and all of them at the total. Returns the files written, relative.
 */
export async function extractZip(file: string, targetDir: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, options: ExtractOptions = {}): Promise<string[]> {
  await listZip(file, limits); // refuse a bad zip before writing a single byte
  const { onWritten, only } = options;
  const maxWritten = Math.min(options.maxWrittenBytes ?? limits.maxTotalBytes, limits.maxTotalBytes);
  const zip = await openZip(file);
  const handle = await fs.open(file, 'r');
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  const written: string[] = [];
  let total = 0;
  try {
    await fs.mkdir(targetDir, { recursive: true });
    await eachEntry(zip, limits, async (entry) => {
      if (only && !only.has(entry.fileName)) return;
      const target = entryTarget(targetDir, entry.fileName);
      if (!target) throw new UnsafeZipError('slip', `压缩包中的“${shownName(entry.fileName)}”会越出目标文件夹（zip-slip），已拒绝`);
      if (entry.fileName.endsWith('/')) {
        await fs.mkdir(target, { recursive: true });
        return;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let crc = 0;
      let size = 0;
      const out = await fs.open(target, 'wx');
      try {
        for await (const chunk of entryChunks(handle, zip, entry, buffer)) {
          total += chunk.length;
          size += chunk.length;
          // Never past the declared size, whatever the local header or the deflate stream says.
          if (size > entry.uncompressedSize) throw new UnsafeZipError('bomb', `压缩包中的“${shownName(entry.fileName)}”实际大小超过其声明大小（疑似压缩炸弹），已拒绝`);
          if (total > maxWritten) throw new UnsafeZipError('bomb', `压缩包解压后超过大小上限（${formatBytes(maxWritten)}），已拒绝`);
          hash.update(chunk);
          crc = zlib.crc32(chunk, crc);
          for (let done = 0; done < chunk.length; ) done += (await out.write(chunk, done, chunk.length - done)).bytesWritten;
        }
      } catch (err) {
        // Disk errors (ENOSPC, EACCES) stay what they are; anything else (zlib's Z_DATA_ERROR too) came from the zip.
        throw err instanceof ApiError || isDiskError(err) ? err : translate(err);
      } finally {
        await out.close();
      }
      if (size !== entry.uncompressedSize || crc >>> 0 !== entry.crc32) {
        throw new UnsafeZipError('corrupt', `压缩包已损坏：“${shownName(entry.fileName)}”的内容与其校验值（CRC）不符`);
      }
      onWritten?.(entry.fileName, hash.digest('hex'));
      written.push(path.relative(targetDir, target));
    });
    return written;
  } finally {
    zip.close();
    await handle.close();
  }
}

/** Reading one small entry walks the directory without the extraction limits (nothing is written). */
const NO_LIMITS: ZipLimits = { maxEntries: Number.MAX_SAFE_INTEGER, maxTotalBytes: Number.MAX_SAFE_INTEGER, maxRatio: Number.MAX_SAFE_INTEGER };

/** One entry's content (a manifest, say), at most `maxBytes`; null when the zip has no such entry. */
export async function readZipEntry(file: string, name: string, maxBytes: number): Promise<Buffer | null> {
  const zip = await openZip(file);
  let found: Buffer | null = null;
  try {
    await eachEntry(zip, NO_LIMITS, async (entry) => {
      if (entry.fileName !== name || found) return;
      if (entry.uncompressedSize > maxBytes) throw new UnsafeZipError('bomb', `压缩包中的“${name}”过大（${formatBytes(entry.uncompressedSize)}），已拒绝`);
      const chunks: Buffer[] = [];
      let size = 0;
      let crc = 0;
      for await (const chunk of await openEntry(zip, entry)) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw new UnsafeZipError('bomb', `压缩包中的“${name}”实际大小超过声明，已拒绝`);
        crc = zlib.crc32(chunk as Buffer, crc);
        chunks.push(chunk as Buffer);
      }
      if (size !== entry.uncompressedSize || crc >>> 0 !== entry.crc32) {
        throw new UnsafeZipError('corrupt', `压缩包已损坏：“${name}”的内容与其校验值（CRC）不符`);
      }
      found = Buffer.concat(chunks);
    });
    return found;
  } finally {
    zip.close();
  }
}
