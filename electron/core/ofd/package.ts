import path from 'node:path';
import JSZip from 'jszip';
import yauzl from 'yauzl';
import { ApiError } from '../../../shared/errors';
import { checkOoxml, OoxmlRefused, refusalReason, type OoxmlLimits } from '../extract/ooxmlGuard';

/** An OFD file this app cannot open, with the reason in Chinese. */
export class OfdUnreadable extends ApiError {
  constructor(message: string) {
    super('bad_input', message);
  }
}

/**
 * What an OFD package may unpack to: far beyond any 公文 (kilobytes of XML a page, fonts and scans
 * apart), bounded for a zip bomb; the XML is parsed on the calling thread, so it is held to 64 MB
 * (some seconds of parsing at most). A DTD in any XML part is refused whatever the size (OFD
 * writers never emit one).
 */
const OFD_LIMITS: OoxmlLimits = { maxXmlBytes: 64 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024, rules: [] };
const MAX_ENTRIES = 20_000;

/** The parts of an opened OFD package, read on demand by their path inside it. */
export interface OfdPackage {
  has(part: string): boolean;
  text(part: string): Promise<string>;
  bytes(part: string): Promise<Uint8Array>;
  /** Every file's path (no folders). */
  names(): string[];
}

/** Entry names, with an encrypted entry or a broken directory named before anything is inflated. */
async function entryNames(bytes: Buffer): Promise<string[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true });
  } catch {
    throw new OfdUnreadable('OFD 文件不完整或已损坏（压缩结构无法读取，可能下载或复制未完成），无法打开');
  }
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) throw new OfdUnreadable(`OFD 文件中的“${entry.fileName}”已加密（设有密码），无法打开`);
      if (names.length >= MAX_ENTRIES) throw new OfdUnreadable(`OFD 文件中的文件数超过上限（${MAX_ENTRIES} 个，疑似压缩炸弹），无法打开`);
      if (!entry.fileName.endsWith('/')) names.push(entry.fileName);
    }
  } catch (err) {
    if (err instanceof OfdUnreadable) throw err;
    throw new OfdUnreadable('OFD 文件不完整或已损坏（压缩结构无法读取，可能下载或复制未完成），无法打开');
  } finally {
    zip.close();
  }
  return names;
}

/**
 * Open an OFD package safely: the directory is read first (encrypted entries, entry count), every
 * part is then inflated as a stream and dropped (ooxmlGuard.ts: a zip bomb, a DTD), and only then
 * is the package loaded for reading. Throws OfdUnreadable with the reason.
 */
export async function openOfdPackage(bytes: Buffer): Promise<OfdPackage> {
  const names = await entryNames(bytes);
  if (!names.some((n) => n.replace(/^\//, '') === 'OFD.xml')) {
    throw new OfdUnreadable('OFD 文件缺少入口文件 OFD.xml（不是有效的 OFD 文档），无法打开');
  }
  try {
    await checkOoxml(bytes, OFD_LIMITS);
  } catch (err) {
    if (!(err instanceof OoxmlRefused)) throw err;
    if (err.refusal.kind === 'corrupt') throw new OfdUnreadable('OFD 文件已损坏（压缩数据无法解开，可能下载或复制未完成），无法打开');
    throw new OfdUnreadable(`OFD 文件${refusalReason(err.refusal)}`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw new OfdUnreadable('OFD 文件已损坏（压缩数据无法解开），无法打开');
  }
  const lookup = new Map(names.map((n) => [normalizePart(n), n]));
  const entry = (part: string) => {
    const name = lookup.get(normalizePart(part));
    const file = name === undefined ? null : zip.file(name);
    if (!file) throw new OfdUnreadable(`OFD 文件缺少其中的“${part}”，无法打开`);
    return file;
  };
  return {
    has: (part) => lookup.has(normalizePart(part)),
    text: (part) => entry(part).async('string'),
    bytes: (part) => entry(part).async('uint8array'),
    names: () => [...lookup.keys()],
  };
}

/** Paths inside the package compare without a leading slash, with . and .. resolved; case as written. */
export function normalizePart(part: string): string {
  return path.posix.normalize(part.replace(/\\/g, '/').replace(/^\/+/, '')).replace(/^(\.\.\/)+/, '');
}

/**
 * A BaseLoc as the spec reads it: from the package root when it starts with '/', otherwise
 * from the folder of the file that names it.
 */
export function resolveLoc(from: string, loc: string): string {
  const clean = loc.trim().replace(/\\/g, '/');
  if (clean.startsWith('/')) return normalizePart(clean);
  return normalizePart(path.posix.join(path.posix.dirname(normalizePart(from)), clean));
}

/**
 * Where a BaseLoc points in this package: as the spec reads it (resolveLoc), or, when nothing is
 * there, from the package root, as some writers mean a relative path. The spec's reading is
 * returned when neither exists, so that a message names the path as the spec reads it.
 */
export function locate(pkg: OfdPackage, from: string, loc: string): string {
  const spec = resolveLoc(from, loc);
  if (pkg.has(spec)) return spec;
  const fromRoot = normalizePart(loc);
  return pkg.has(fromRoot) ? fromRoot : spec;
}
