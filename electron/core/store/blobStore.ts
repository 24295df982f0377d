import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

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

/**
 * Content-addressed originals: files/ab/cd/<sha256>. Written once, never modified.
 * A put streams into tmp/ while hashing, fsyncs, then renames into its address, so a crash
 * leaves either nothing or a complete file under the address.
 */
export class BlobStore {
  constructor(
    readonly filesDir: string,
    readonly tmpDir: string,
  ) {}

  pathFor(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
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
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(createReadStream(source), tap, createWriteStream(tmp, { flags: 'wx' }));
      await fsyncFile(tmp);
      const sha256 = hash.digest('hex');
      const target = this.pathFor(sha256);
      if (await this.has(sha256)) {
        await fs.rm(tmp, { force: true });
        return { sha256, size, existed: true };
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.chmod(tmp, 0o444);
      await fs.rename(tmp, target);
      await fsyncDir(path.dirname(target));
      return { sha256, size, existed: false };
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
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
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.pathFor(sha256)), hash);
    return hash.digest('hex');
  }
}

async function readdirSafe(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Directories cannot be opened for sync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
