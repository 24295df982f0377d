import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import { unchecked, usable, type Probe } from './types';

const MAX_TEXT_BYTES = 256 * 1024 * 1024;

/**
 * Plain text reads right when it decodes as a Chinese office PC writes it: UTF-8 (with or
 * without a BOM), UTF-16 with a BOM, or GB18030 (GBK) without a single undecodable byte.
 */
export async function probeText(file: string): Promise<Probe> {
  const { size } = await fs.stat(file);
  if (size > MAX_TEXT_BYTES) return usable(); // a log this large is read in pieces; its bytes are hashed above
  const bytes = await fs.readFile(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return usable();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return usable();
  } catch {
    // not UTF-8: the other encoding Chinese Windows writes
  }
  if (!iconv.decode(bytes, 'gb18030').includes('\uFFFD')) return usable();
  // It still opens in Notepad; whether it reads right cannot be told from here.
  return unchecked('文本既不是 UTF-8 也不是 GBK/GB18030 编码（或已被截断），未能确认内容完整');
}
