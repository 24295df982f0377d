import { fsyncDir, fsyncFile } from './durable';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../shared/errors';
import { hashingTap, sha256File } from './hash';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** True when the content was already in the store (deduplicated). */
  existed: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** files/ab/cd/<sha256>: where a stored original lives under `filesDir`. */
export function blobPath(filesDir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Content-addressed originals: files/ab/cd/<sha256>. Written once, never modified.
 * A put streams into tmp/ while hashing, fsyncs, then renames into its address, so a crash
 * leaves either nothing or a complete file under the address.
 */
export interface BlobStoreOptions {
  /**
   * Opens the temp file a put streams into. The seam where tests put a real full disk
   * (/dev/full answers every write with ENOSPC) under the store.
   */
  createTempStream?: (file: string) => Writable;
}

export class BlobStore {
  private readonly createTempStream: (file: string) => Writable;

  constructor(
    readonly filesDir: string,
    readonly tmpDir: string,
    options: BlobStoreOptions = {},
  ) {
    this.createTempStream = options.createTempStream ?? ((file) => createWriteStream(file, { flags: 'wx' }));
  }

  pathFor(sha256: string): string {
    return blobPath(this.filesDir, sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathFor(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async putFile(source: string): Promise<StoredBlob> {
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    const tap = hashingTap();
    // Reading the source and writing the archive fail for different reasons; keep them apart.
    const input = createReadStream(source);
    let readFailed = false;
    input.once('error', () => {
      readFailed = true;
    });
    try {
      await pipeline(input, tap, this.createTempStream(tmp));
      await fsyncFile(tmp);
      const sha256 = tap.digest();
      const size = tap.size();
      const target = this.pathFor(sha256);
      if (await this.has(sha256)) {
        await fs.rm(tmp, { force: true });
        return { sha256, size, existed: true };
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.chmod(tmp, 0o444);
      try {
        await fs.rename(tmp, target);
      } catch (err) {
        // Another process stored the same content a moment ago (Windows will not rename onto
        // a read-only file): the content is in the store, which is all that was asked.
        if (!(await this.has(sha256))) throw err;
        await fs.rm(tmp, { force: true });
        return { sha256, size, existed: true };
      }
      await fsyncDir(path.dirname(target));
      return { sha256, size, existed: false };
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw readFailed ? err : storeWriteError(err, this.filesDir);
    }
  }

  /** Every sha256 present on disk (for integrity checks). */
  async listAll(): Promise<string[]> {
    const out: string[] = [];
    for (const a of await readdirSafe(this.filesDir)) {
      for (const b of await readdirSafe(path.join(this.filesDir, a))) {
        for (const name of await readdirSafe(path.join(this.filesDir, a, b))) {
          if (isSha256(name)) out.push(name);
        }
      }
    }
    return out;
  }

  async hashOf(sha256: string): Promise<string> {
    return sha256File(this.pathFor(sha256));
  }
}

const writeReasons: Record<string, string> = {
  ENOSPC: '档案库所在磁盘空间不足，请清理磁盘后重试',
  EDQUOT: '档案库所在磁盘配额已满，请清理后重试',
  EROFS: '档案库所在磁盘为只读，无法写入',
  EACCES: '没有写入档案库文件夹的权限',
  EPERM: '没有写入档案库文件夹的权限',
  ENOTDIR: '档案库的存储文件夹已损坏（有同名文件挡住了文件夹）',
  EIO: '写入档案库时发生磁盘错误',
};

/**
 * A failure on the archive's side (disk full, read-only, no permission) as a clear message
 * naming the store, not the clerk's file: the file is fine, the archive could not take it.
 * Nothing was written under a content address; the temp file is already gone.
 */
function storeWriteError(err: unknown, filesDir: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? writeReasons[code] : undefined;
  return reason ? new ApiError('bad_input', `${reason}（${path.dirname(filesDir)}），档案库未改动`) : err;
}

async function readdirSafe(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}
