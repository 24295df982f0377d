import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../../../shared/errors';

/**
 * A look through an Office Open XML package (.xlsx, .docx) before any parser loads it: each part
 * is inflated as a stream and dropped, so a million-row sheet or a zip bomb is refused after
 * reading only as far as the first limit, with little memory.
 */

/** An element counted in some parts, with the most allowed. */
export interface TagRule {
  /** Names of the parts it is counted in (matched like the parsers match them). */
  part: RegExp;
  /** Local name, any namespace prefix: 'row', 'c', 'tr'. */
  tag: string;
  max: number;
  /** 'part': the limit holds for each part; 'package': for all matching parts together. */
  scope: 'part' | 'package';
  /** Follows the file's name in the message: “的工作表超过上限 20000 行。…”. */
  message: string;
  /** How much one element counts, from its start tag (a merge: the cells it covers); 1 without. */
  weigh?: (startTag: string) => number;
}

export interface OoxmlLimits {
  /** Most bytes the XML parts (all but media) may unpack to together. */
  maxXmlBytes: number;
  /** Most bytes every part together may unpack to (images included). */
  maxTotalBytes: number;
  rules: readonly TagRule[];
}

export type OoxmlRefusal =
  /** A DOCTYPE or ENTITY declaration: Office never writes one; parsers would be asked to expand it. */
  | { kind: 'dtd'; part: string }
  | { kind: 'unpacked'; limit: number; media: boolean }
  | { kind: 'count'; part: string; rule: TagRule }
  | { kind: 'corrupt' };

export class OoxmlRefused extends Error {
  constructor(readonly refusal: OoxmlRefusal) {
    super(`ooxml refused: ${refusal.kind}`);
  }
}

/** A package refused by `guardOffice`, with the reason for the clerk. */
export class OfficeRefusedError extends ApiError {
  constructor(message: string) {
    super('bad_input', message);
  }
}

/** `checkOoxml`, with a refusal turned into an OfficeRefusedError naming the file. */
export async function guardOffice(bytes: Buffer, limits: OoxmlLimits, fileLabel?: string): Promise<void> {
  try {
    await checkOoxml(bytes, limits);
  } catch (err) {
    if (!(err instanceof OoxmlRefused)) throw err;
    throw new OfficeRefusedError(`${fileLabel ? `“${fileLabel}”` : '该文件'}${refusalReason(err.refusal)}`);
  }
}

/** The reason in Chinese, to follow the file's name: “…”文档含有…. */
export function refusalReason(r: OoxmlRefusal): string {
  switch (r.kind) {
    case 'dtd':
      return '含有 DTD 或外部实体声明（Office 软件不会生成这种内容，可能是恶意构造的文件），已拒绝读取';
    case 'unpacked':
      return `解压后${r.media ? '' : '的文本内容'}超过上限 ${formatMb(r.limit)}，已拒绝读取`;
    case 'count':
      return r.rule.message;
    case 'corrupt':
      return '不是完整的 Office 文件（压缩结构已损坏），无法读取';
  }
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * Parts that are not XML a parser reads: images (an SVG may carry a DOCTYPE of its own), embedded
 * files, fonts, and an OFD's seals, signature values and JBIG2 scans.
 */
const MEDIA = /(^|\/)(media|embeddings)\/|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|bin|wdp|jfif|ttf|otf|ttc|esl|dat|jb2)$/i;

/** Longest match the scanner looks for, so a chunk boundary never splits one unseen. */
const TAIL = 64;
/** Longest start tag read for a weighed element; a merge reference is some 20 characters. */
const MAX_TAG = 1024;

/** Counts the rules' elements in one part, chunk by chunk, and stops at a DTD. */
class PartScanner {
  private readonly pattern: RegExp | null;
  private readonly weighed: Set<string>;
  private readonly counts = new Map<TagRule, number>();
  private tail = '';
  private first = true;
  private utf16 = false;

  constructor(
    private readonly part: string,
    private readonly rules: readonly TagRule[],
    private readonly totals: Map<TagRule, number>,
    checkDtd: boolean,
  ) {
    const tags = [...new Set(rules.map((r) => r.tag))].join('|');
    const alternatives = [checkDtd ? '<!(?:DOCTYPE|ENTITY)' : '', tags ? `<(?:[A-Za-z_][\\w.-]{0,31}:)?(${tags})[\\s/>]` : ''].filter(Boolean);
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : null;
    this.weighed = new Set(rules.filter((r) => r.weigh).map((r) => r.tag.toLowerCase()));
  }

  feed(chunk: Buffer): void {
    if (!this.pattern) return;
    if (this.first) {
      // UTF-16 parts: markup is ASCII, so dropping the zero bytes leaves it readable.
      this.utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff) || chunk[0] === 0 || chunk[1] === 0;
      this.first = false;
    }
    let text = chunk.toString('latin1');
    if (this.utf16) text = text.replaceAll('\0', '');
    const combined = this.tail + text;
    // Everything before `seen` was looked at with the previous chunk.
    const seen = this.tail.length;
    let keepFrom = Math.max(0, combined.length - TAIL);
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(combined); m; m = this.pattern.exec(combined)) {
      const tag = m[1];
      if (tag === undefined) throw new OoxmlRefused({ kind: 'dtd', part: this.part });
      if (!this.weighed.has(tag.toLowerCase())) {
        if (m.index + m[0].length > seen) this.count(tag, '');
        continue;
      }
      // A weighed element is read up to the end of its start tag, which may be in the next chunk.
      const close = combined.indexOf('>', m.index);
      const length = (close < 0 ? combined.length : close) - m.index;
      if (length > MAX_TAG) this.refuse(tag);
      if (close < 0) {
        keepFrom = Math.min(keepFrom, m.index);
        break;
      }
      if (close >= seen) this.count(tag, combined.slice(m.index, close + 1));
    }
    this.tail = combined.slice(keepFrom);
  }

  private count(tag: string, startTag: string): void {
    const name = tag.toLowerCase();
    for (const rule of this.rules) {
      if (rule.tag.toLowerCase() !== name) continue;
      const weight = rule.weigh ? rule.weigh(startTag) : 1;
      const own = (this.counts.get(rule) ?? 0) + weight;
      const all = (this.totals.get(rule) ?? 0) + weight;
      this.counts.set(rule, own);
      this.totals.set(rule, all);
      if ((rule.scope === 'part' ? own : all) > rule.max) throw new OoxmlRefused({ kind: 'count', part: this.part, rule });
    }
  }

  private refuse(tag: string): never {
    const rule = this.rules.find((r) => r.tag.toLowerCase() === tag.toLowerCase())!;
    throw new OoxmlRefused({ kind: 'count', part: this.part, rule });
  }
}

/**
 * Refuse (OoxmlRefused) a package that declares a DTD in any XML part, unpacks to more than the
 * limits, or holds more of a counted element than allowed. Reads each part once, as a stream.
 */
export async function checkOoxml(bytes: Buffer, limits: OoxmlLimits): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new OoxmlRefused({ kind: 'corrupt' });
  }
  const totals = new Map<TagRule, number>();
  let xmlBytes = 0;
  let allBytes = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const media = MEDIA.test(entry.fileName);
      // Declared sizes first: a bomb that admits its size is refused without inflating it.
      const declared = { xml: xmlBytes + (media ? 0 : entry.uncompressedSize), all: allBytes + entry.uncompressedSize };
      assertUnpacked(declared.xml, declared.all, limits);
      const rules = limits.rules.filter((r) => r.part.test(entry.fileName));
      const scanner = new PartScanner(entry.fileName, rules, totals, !media);
      await eachChunk(zip, entry, (chunk) => {
        allBytes += chunk.length;
        if (!media) xmlBytes += chunk.length;
        assertUnpacked(xmlBytes, allBytes, limits);
        scanner.feed(chunk);
      });
    }
  } catch (err) {
    if (err instanceof OoxmlRefused) throw err;
    // yauzl: bad structure, sizes that lie, unsupported compression.
    throw new OoxmlRefused({ kind: 'corrupt' });
  } finally {
    zip.close();
  }
}

function assertUnpacked(xml: number, all: number, limits: OoxmlLimits): void {
  if (xml > limits.maxXmlBytes) throw new OoxmlRefused({ kind: 'unpacked', limit: limits.maxXmlBytes, media: false });
  if (all > limits.maxTotalBytes) throw new OoxmlRefused({ kind: 'unpacked', limit: limits.maxTotalBytes, media: true });
}

/** Feed an entry's inflated bytes to `onChunk`; a throw there stops the inflation at once. */
async function eachChunk(zip: ZipFile, entry: Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  try {
    for await (const chunk of stream) onChunk(chunk as Buffer);
  } finally {
    stream.destroy();
  }
}
