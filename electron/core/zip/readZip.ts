import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../../../shared/errors';
import { entryTarget, isSymlinkEntry, unsafeEntryReason } from './entryPath';

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
  isDirectory: boolean;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(translate(err));
      else resolve(zip);
    });
  });
}

function translate(err: unknown): UnsafeZipError {
  const message = err instanceof Error ? err.message : String(err);
  if (/relative path|absolute path|invalid characters/i.test(message)) {
    return new UnsafeZipError('slip', `压缩包中有越出目标文件夹的路径（zip-slip），已拒绝：${message}`);
  }
  if (/too many bytes|uncompressed size/i.test(message)) {
    return new UnsafeZipError('bomb', '压缩包中的文件实际大小超过其声明大小（疑似压缩炸弹），已拒绝');
  }
  return new UnsafeZipError('corrupt', `压缩包已损坏或不是有效的 zip 文件：${message}`);
}

/** Check one entry against the rules; `running` is the declared total so far (this entry included). */
function checkEntry(entry: Entry, index: number, running: number, limits: ZipLimits): void {
  const reason = unsafeEntryReason(entry.fileName);
  if (reason) throw new UnsafeZipError('slip', `压缩包中的“${entry.fileName}”${reason}（zip-slip），已拒绝`);
  if (isSymlinkEntry(entry.externalFileAttributes)) {
    throw new UnsafeZipError('slip', `压缩包中的“${entry.fileName}”是符号链接，可能指向目标文件夹之外，已拒绝`);
  }
  if (entry.isEncrypted()) throw new UnsafeZipError('encrypted', `压缩包中的“${entry.fileName}”已加密，无法检查，已拒绝`);
  if (index >= limits.maxEntries) {
    throw new UnsafeZipError('bomb', `压缩包中的文件数超过上限（${limits.maxEntries} 个，疑似压缩炸弹），已拒绝`);
  }
  if (running > limits.maxTotalBytes) {
    throw new UnsafeZipError('bomb', `压缩包解压后超过大小上限（${formatBytes(limits.maxTotalBytes)}，疑似压缩炸弹），已拒绝`);
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > 1024 ** 2 && ratio > limits.maxRatio) {
    throw new UnsafeZipError('bomb', `压缩包中的“${entry.fileName}”压缩比异常（${Math.round(ratio)} 倍，疑似压缩炸弹），已拒绝`);
  }
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
      out.push({ name: e.fileName, size: e.uncompressedSize, compressedSize: e.compressedSize, isDirectory: e.fileName.endsWith('/') });
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

/**
 * Extract into `targetDir` (created if missing). Every entry is checked first (zip-slip,
 * symlinks, encryption, count, declared size, ratio); bytes actually written are counted again,
 * so an entry that lies about its size stops at the limit. Returns the files written, relative.
 */
export async function extractZip(file: string, targetDir: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string[]> {
  await listZip(file, limits); // refuse a bad zip before writing a single byte
  const zip = await openZip(file);
  const written: string[] = [];
  let total = 0;
  try {
    await fs.mkdir(targetDir, { recursive: true });
    await eachEntry(zip, limits, async (entry) => {
      const target = entryTarget(targetDir, entry.fileName);
      if (!target) throw new UnsafeZipError('slip', `压缩包中的“${entry.fileName}”会越出目标文件夹（zip-slip），已拒绝`);
      if (entry.fileName.endsWith('/')) {
        await fs.mkdir(target, { recursive: true });
        return;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          total += chunk.length;
          if (total > limits.maxTotalBytes) done(new UnsafeZipError('bomb', `压缩包解压后超过大小上限（${formatBytes(limits.maxTotalBytes)}），已拒绝`));
          else done(null, chunk);
        },
      });
      await pipeline(await openEntry(zip, entry), counter, createWriteStream(target, { flags: 'wx' })).catch((err: unknown) => {
        // Disk errors (ENOSPC, EACCES) stay what they are; anything else came from the zip.
        throw err instanceof ApiError || (err as NodeJS.ErrnoException).code ? err : translate(err);
      });
      written.push(path.relative(targetDir, target));
    });
    return written;
  } finally {
    zip.close();
  }
}
