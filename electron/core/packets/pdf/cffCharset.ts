/**
 * Make the CID-keyed CFF inside an OpenType subset map glyph n to CID n.
 *
 * Why: pdf-lib writes glyph ids as the character codes of its Identity-H fonts. A spec-correct
 * CFF CIDFont (CIDFontType0) maps those codes as CIDs through the CFF charset, and harfbuzz's
 * subset keeps the original CIDs there (创 is glyph 5 but CID 9759), so glyphs would be wrong.
 * With an identity charset, CID = glyph id and every reader agrees. The new charset is written
 * in place in the same format; it never needs more bytes than the old one (each old range covers
 * at most what an identity range does), so no offsets move.
 */
export function withIdentityCharset(font: Uint8Array): Uint8Array {
  const out = new Uint8Array(font);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (String.fromCharCode(...out.subarray(0, 4)) !== 'OTTO') throw new Error('not a CFF-based OpenType font');
  const tables = tableDirectory(view);
  const cff = tables.get('CFF ');
  const head = tables.get('head');
  if (!cff || !head) throw new Error('font has no CFF or head table');

  const top = topDict(view, cff.offset);
  const charsetOffset = top.get(15)?.[0];
  const charStringsOffset = top.get(17)?.[0];
  if (!top.has(1230) || charsetOffset === undefined || charStringsOffset === undefined) {
    return out; // Not CID-keyed: glyph ids are the codes already.
  }
  const glyphs = view.getUint16(cff.offset + charStringsOffset);
  if (glyphs < 2) return out;
  writeIdentity(view, cff.offset + charsetOffset, glyphs);

  view.setUint32(cff.record + 4, checksum(view, cff.offset, cff.length));
  // head.checkSumAdjustment covers the whole file, computed with itself set to 0.
  view.setUint32(head.offset + 8, 0);
  view.setUint32(head.offset + 8, (0xb1b0afba - checksum(view, 0, out.byteLength)) >>> 0);
  return out;
}

interface TableRecord {
  record: number;
  offset: number;
  length: number;
}

function tableDirectory(view: DataView): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, { record, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return tables;
}

/** Byte length of a CFF INDEX starting at `pos`, and where its first item's data lies. */
function index(view: DataView, pos: number): { end: number; first: [number, number] | null } {
  const count = view.getUint16(pos);
  if (count === 0) return { end: pos + 2, first: null };
  const offSize = view.getUint8(pos + 2);
  const readOffset = (i: number) => {
    let v = 0;
    for (let b = 0; b < offSize; b += 1) v = v * 256 + view.getUint8(pos + 3 + i * offSize + b);
    return v;
  };
  const dataStart = pos + 3 + (count + 1) * offSize - 1;
  return { end: dataStart + readOffset(count), first: [dataStart + readOffset(0), dataStart + readOffset(1)] };
}

/** Operator → operands of the first Top DICT (escaped operators as 1200 + second byte). */
function topDict(view: DataView, cff: number): Map<number, number[]> {
  const names = index(view, cff + view.getUint8(cff + 2));
  const dicts = index(view, names.end);
  if (!dicts.first) throw new Error('CFF has no Top DICT');
  const [start, end] = dicts.first;
  const result = new Map<number, number[]>();
  let operands: number[] = [];
  let pos = start;
  while (pos < end) {
    const b0 = view.getUint8(pos);
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + view.getUint8(pos + 1) : b0;
      pos += b0 === 12 ? 2 : 1;
      result.set(op, operands);
      operands = [];
    } else if (b0 === 28) {
      operands.push(view.getInt16(pos + 1));
      pos += 3;
    } else if (b0 === 29) {
      operands.push(view.getInt32(pos + 1));
      pos += 5;
    } else if (b0 === 30) {
      // Real number: nibbles up to an 0xf terminator. Its value is not needed here.
      pos += 1;
      while (pos < end && (view.getUint8(pos) & 0x0f) !== 0x0f && (view.getUint8(pos) & 0xf0) !== 0xf0) pos += 1;
      pos += 1;
      operands.push(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push(b0 - 139);
      pos += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push((b0 - 247) * 256 + view.getUint8(pos + 1) + 108);
      pos += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push(-(b0 - 251) * 256 - view.getUint8(pos + 1) - 108);
      pos += 2;
    } else {
      throw new Error(`bad CFF DICT byte ${b0}`);
    }
  }
  return result;
}

/** Glyphs 1..n-1 ↦ CIDs 1..n-1 (glyph 0 is .notdef, implicit), in the charset's own format. */
function writeIdentity(view: DataView, pos: number, glyphs: number): void {
  const format = view.getUint8(pos);
  const covered = glyphs - 1;
  if (format === 0) {
    for (let gid = 1; gid < glyphs; gid += 1) view.setUint16(pos + 1 + (gid - 1) * 2, gid);
  } else if (format === 1) {
    let p = pos + 1;
    for (let first = 1; first <= covered; first += 256) {
      view.setUint16(p, first);
      view.setUint8(p + 2, Math.min(256, covered - first + 1) - 1);
      p += 3;
    }
  } else if (format === 2) {
    view.setUint16(pos + 1, 1);
    view.setUint16(pos + 3, covered - 1);
  } else {
    throw new Error(`unknown CFF charset format ${format}`);
  }
}

function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) {
    let word = 0;
    for (let b = 0; b < 4; b += 1) word = word * 256 + (offset + i + b < view.byteLength && i + b < length ? view.getUint8(offset + i + b) : 0);
    sum = (sum + word) >>> 0;
  }
  return sum;
}
