// Hostile backups made on the spot, byte by byte as an attacker's tool would: names no zip
// library writes, sizes that lie, deflated zeros that expand a thousandfold.
import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { listZip, readZipEntry } from '../../electron/core/zip';

export interface CraftEntry {
  name: string;
  /** The content; or `zeros`: that many zero bytes, deflated in pieces (never whole in memory). */
  data?: Buffer;
  zeros?: number;
  /** 8 deflate (default) or 0 stored. */
  method?: 0 | 8;
  /** What the central directory declares as uncompressed size (default: the truth). */
  declaredSize?: number;
  /** What the local header declares (default: the same as the central directory). */
  localSize?: number;
}

interface Body {
  bytes: Buffer;
  crc: number;
  size: number;
}

async function deflatedZeros(count: number): Promise<Body> {
  const piece = Buffer.alloc(1024 * 1024);
  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  let crc = 0;
  for (let left = count; left > 0; left -= piece.length) {
    const part = left >= piece.length ? piece : piece.subarray(0, left);
    crc = zlib.crc32(part, crc);
    if (!deflate.write(part)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { bytes: Buffer.concat(chunks), crc: crc >>> 0, size: count };
}

async function bodyOf(e: CraftEntry): Promise<Body> {
  if (e.zeros !== undefined) return deflatedZeros(e.zeros);
  const data = e.data ?? Buffer.alloc(0);
  const bytes = (e.method ?? 8) === 8 ? zlib.deflateRawSync(data) : data;
  return { bytes, crc: zlib.crc32(data) >>> 0, size: data.length };
}

/** A zip (no ZIP64: every size stays under 4 GB) with exactly these entries, in this order. */
export async function craftZip(file: string, entries: CraftEntry[]): Promise<void> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = await bodyOf(e);
    const name = Buffer.from(e.name, 'utf8');
    const method = e.zeros !== undefined ? 8 : (e.method ?? 8);
    const declared = e.declaredSize ?? body.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.crc, 14);
    local.writeUInt32LE(body.bytes.length, 18);
    local.writeUInt32LE(e.localSize ?? declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body.bytes);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(body.crc, 16);
    c.writeUInt32LE(body.bytes.length, 20);
    c.writeUInt32LE(declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += local.length + name.length + body.bytes.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...parts, dir, end]));
}

/** Every entry of a (small, genuine) backup with its content, in zip order: material to tamper with. */
export async function entriesOf(zipFile: string): Promise<{ name: string; data: Buffer }[]> {
  const out: { name: string; data: Buffer }[] = [];
  for (const e of await listZip(zipFile)) out.push({ name: e.name, data: (await readZipEntry(zipFile, e.name, 1024 ** 3))! });
  return out;
}

/** A `sha256sum` line, as a manifest holds it. */
export const manifestLine = (sha256: string, name: string): string => `${sha256}  ${name}\n`;
