import fs from 'node:fs/promises';

/** Up to `length` bytes of `file` from `position` (the head or the tail), without reading the rest. */
export async function readSlice(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, length));
    const { bytesRead } = await handle.read(buf, 0, buf.length, Math.max(0, position));
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
