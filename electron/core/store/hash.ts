import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** SHA-256 (hex) of a file's bytes, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** A pass-through that hashes and counts what flows through it; read `digest()` after the end. */
export function hashingTap(): Transform & { digest(): string; size(): number } {
  const hash = createHash('sha256');
  let size = 0;
  let hex: string | null = null;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(tap, {
    digest: () => (hex ??= hash.digest('hex')),
    size: () => size,
  });
}
