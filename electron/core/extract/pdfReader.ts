import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScriptWorker, TASK_LOOP, taskOutcome, timeoutForSize, type Stopped, type TaskOutcome, type TaskReply } from '../workers/scriptWorker';
import { MAX_TEXT_CHARS } from './limits';

/**
 * Limits for reading a PDF. A PDF's content streams may inflate to a thousand times their size
 * on disk (a million times through two Flate filters), and pages may share one huge stream that
 * readers and qpdf parse again per page; real documents stay far below these (a dense text page
 * is 5–50 KB of content, a detailed vector map a few MB).
 */
export const PDF_LIMITS = {
  /** Decoded content (page streams and the forms they draw) parsed for text, over all pages. */
  maxContentBytes: 96 * 1024 * 1024,
  /** Decoded content of one page: beyond this a page is a decompression bomb, not a document. */
  maxPageBytes: 64 * 1024 * 1024,
  /** Decoded content of all pages together, a stream counted for each page that draws it. */
  maxDocumentBytes: 512 * 1024 * 1024,
  /** Pages read for text: scanned volumes run to hundreds; the first ones carry what is searched. */
  maxTextPages: 300,
  /** Pages whose drawing is tried before a damaged PDF is drawn as images (see pdfRepair). */
  maxDrawnPages: 500,
  /** Heap of the reading thread: a PDF that needs more is not one a reader opens either. */
  maxHeapMb: 512,
  /** Growth of the process's memory while one PDF is read (streams inflate outside the heap). */
  maxRssGrowthMb: 2048,
} as const;

/**
 * pdf-lib (structure, page count, title, the content budget) and pdf.js (the text layer, and
 * whether a damaged file opens and parses) run on a worker thread (workers/scriptWorker.ts)
 * with a time, heap and memory limit, so a hostile PDF costs at most its limit and never holds
 * the main thread. Before pdf.js parses a page, the decoded size of what it would parse is
 * measured with zlib's `maxOutputLength`, which stops inflating at the budget instead of at the
 * bomb's end; what cannot be measured that way (LZW, say) is bounded by the limits alone.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } = require(workerData.pdfLib);

const N = (s) => PDFName.of(s);
const input = ({ file, bytes }) => (bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : fs.readFileSync(file));

function filters(stream) {
  const f = stream.dict.lookup(N('Filter'));
  if (f instanceof PDFArray) return f.asArray().map((x) => String(x));
  return f ? [String(f)] : [];
}

function asciiHex(data) {
  const text = data.toString('latin1').replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(text.length % 2 ? text + '0' : text, 'hex');
}

function ascii85(data) {
  const text = data.toString('latin1').replace(/\\s/g, '').replace(/^<~/, '').replace(/~>.*$/, '');
  const out = [];
  let group = [];
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) { out.push(0, 0, 0, 0); continue; }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) continue;
    group.push(c);
    if (group.length === 5) {
      let v = 0;
      for (const d of group) v = v * 85 + d;
      out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    out.push(...[(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].slice(0, n - 1));
  }
  return Buffer.from(out);
}

// Decoded size of one stream, at most cap + 1, its filters applied one after another (pdf.js
// reads a broken Flate stream as far as it goes). Filters that cannot be measured here end the
// measuring at what is known so far.
function decodedSize(stream, cap) {
  let data = Buffer.from(stream instanceof PDFRawStream ? stream.contents : stream.getContents());
  for (const filter of filters(stream)) {
    if (filter === '/FlateDecode' || filter === '/Fl') {
      try {
        data = zlib.inflateSync(data, { maxOutputLength: cap + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      } catch (err) {
        if (err && err.code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
      }
    } else if (filter === '/ASCIIHexDecode' || filter === '/AHx') data = asciiHex(data);
    else if (filter === '/ASCII85Decode' || filter === '/A85') data = ascii85(data);
    else break;
    if (data.length > cap) return cap + 1;
  }
  return data.length;
}

// What pdf.js parses to get one page's text: its content streams and the forms they draw.
function pageCost(doc, page, cap, sizes) {
  let cost = 0;
  const seen = new Set();
  const streamCost = (s) => {
    if (!sizes.has(s)) sizes.set(s, decodedSize(s, cap));
    cost += sizes.get(s);
  };
  const visitResources = (resources, depth) => {
    if (!(resources instanceof PDFDict) || cost > cap) return;
    // Forms nested deeper than any real document draws them are a bomb's way round the count.
    if (depth > 8) { cost = cap + 1; return; }
    const xobjects = resources.lookup(N('XObject'));
    if (!(xobjects instanceof PDFDict)) return;
    for (const [, ref] of xobjects.entries()) {
      const x = doc.context.lookup(ref);
      if (!(x instanceof PDFStream) || seen.has(x) || String(x.dict.get(N('Subtype'))) !== '/Form') continue;
      seen.add(x);
      streamCost(x);
      visitResources(x.dict.lookup(N('Resources')), depth + 1);
    }
  };
  const contents = page.node.Contents();
  const list = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  for (const s of list) if (s instanceof PDFStream) streamCost(s);
  visitResources(page.node.Resources(), 0);
  return cost;
}

async function inspect({ file, bytes: given, maxContentBytes, maxPageBytes, maxDocumentBytes, maxTextPages }) {
  const bytes = input({ file, bytes: given });
  let doc;
  try {
    // A worker thread: no event loop to keep free, so no pauses while parsing (pdfRepair/pdfLibPacing.ts).
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: Infinity });
  } catch {
    return { loaded: false, encryptMarker: bytes.includes('/Encrypt') };
  }
  const safely = (read) => { try { return read(); } catch { return null; } };
  const pageCount = safely(() => doc.getPageCount());
  const title = safely(() => doc.getTitle()) || '';
  const facts = { loaded: true, encrypted: doc.isEncrypted, pageCount, title, textPages: 0, hostile: null };
  // Streams of an encrypted file cannot be measured; pdf.js reads those under the limits only.
  if (doc.isEncrypted || !pageCount) return facts;
  const pages = safely(() => doc.getPages()) || [];
  const sizes = new Map();
  let left = maxContentBytes;
  let total = 0;
  let counting = true;
  for (let i = 0; i < pages.length; i += 1) {
    const cost = safely(() => pageCost(doc, pages[i], maxPageBytes, sizes));
    if (cost === null) break;
    if (cost > maxPageBytes) {
      facts.hostile = { page: i + 1, kind: 'page' };
      break;
    }
    total += cost;
    if (total > maxDocumentBytes) {
      facts.hostile = { page: i + 1, kind: 'document' };
      break;
    }
    if (counting && i < maxTextPages && cost <= left) {
      left -= cost;
      facts.textPages += 1;
    } else counting = false;
  }
  return facts;
}

let pdfjs = null;
async function openPdfjs(data) {
  pdfjs = pdfjs || (await import(workerData.pdfjs));
  return pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: workerData.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: workerData.standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}

async function text({ file, pages, maxChars }) {
  const doc = await openPdfjs(fs.readFileSync(file));
  try {
    const parts = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, pages) && length < maxChars; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const line = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      parts.push(line);
      length += line.length;
      page.cleanup();
    }
    return parts.join('\\n');
  } finally {
    await doc.destroy();
  }
}

// Does pdf.js open it (and, with 'pages', parse those pages' drawing operators): what drawing a
// damaged file on the main thread will cost, tried here first under the limits.
async function opens({ file, bytes, pages }) {
  let doc;
  try {
    doc = await openPdfjs(input({ file, bytes }));
  } catch (err) {
    return { opens: false, password: Boolean(err && err.name === 'PasswordException'), numPages: 0 };
  }
  try {
    await doc.getPage(1);
    const wanted = pages === 'all' ? Array.from({ length: doc.numPages }, (_, i) => i + 1) : pages || [];
    for (const n of wanted) {
      if (n < 1 || n > doc.numPages) continue;
      const page = await doc.getPage(n);
      await page.getOperatorList();
      page.cleanup();
    }
    return { opens: doc.numPages > 0, password: false, numPages: doc.numPages };
  } catch {
    return { opens: false, password: false, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

const tasks = { inspect, text, opens };
`;

type Source = { file: string } | { bytes: Uint8Array };
type Request = { task: 'inspect' | 'text' | 'opens' } & Source & Record<string, unknown>;

const worker = new ScriptWorker<Request, TaskReply>({
  source: WORKER_SOURCE + TASK_LOOP,
  workerData: () => {
    const require = createRequire(import.meta.url);
    const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
    return {
      pdfLib: require.resolve('pdf-lib'),
      pdfjs: pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href,
      cMapUrl: `${pdfjsRoot}/cmaps/`,
      standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    };
  },
  maxHeapMb: PDF_LIMITS.maxHeapMb,
  maxRssGrowthMb: PDF_LIMITS.maxRssGrowthMb,
  idleMs: 20_000,
});

/** A page (or all pages together) whose content inflates past the cap. */
export interface HostilePage {
  page: number;
  kind: 'page' | 'document';
}

export type PdfStructure =
  | { loaded: false; encryptMarker: boolean }
  | {
      loaded: true;
      encrypted: boolean;
      pageCount: number | null;
      title: string;
      /** Leading pages whose text fits the content budget. */
      textPages: number;
      /** Where the content passes a cap (a decompression bomb), or null. */
      hostile: HostilePage | null;
    };

async function run<T>(request: Request, size: number): Promise<TaskOutcome<T>> {
  // Bytes are copied to the worker; the caller keeps its own. A read stopped for time or memory
  // is tried once more on a fresh thread: on a busy PC (an import of photos beside it, say) an
  // honest file can run over once; a hostile one costs its limit twice at most.
  let outcome = await worker.run(request, timeoutForSize(size));
  if ('stopped' in outcome && outcome.stopped !== 'crash') outcome = await worker.run(request, timeoutForSize(size));
  return taskOutcome<T>(outcome);
}

const sizeOf = (source: Source, size?: number) => size ?? ('bytes' in source ? source.bytes.byteLength : 0);

/** Page tree, title, encryption and the content budget of a PDF (a file of `size` bytes, or bytes). */
export function readPdfStructure(source: Source, size?: number): Promise<TaskOutcome<PdfStructure>> {
  const { maxContentBytes, maxPageBytes, maxDocumentBytes, maxTextPages } = PDF_LIMITS;
  return run({ task: 'inspect', ...source, maxContentBytes, maxPageBytes, maxDocumentBytes, maxTextPages }, sizeOf(source, size));
}

/** The text layer of the first `pages` pages (a scan without one yields ''). */
export function readPdfText(file: string, size: number, pages: number): Promise<TaskOutcome<string>> {
  return run({ task: 'text', file, pages, maxChars: MAX_TEXT_CHARS }, size);
}

export interface PdfjsOpens {
  opens: boolean;
  password: boolean;
  numPages: number;
}

/**
 * Whether pdf.js opens the PDF, and parses the drawing of `pages` ('all', or 1-based numbers):
 * asked before a damaged file is drawn on the main thread, so that a file that would hold it
 * is known first. A read that had to be stopped is an answer too: it does not open here.
 */
export async function pdfjsOpens(source: Source, pages: number[] | 'all' = []): Promise<PdfjsOpens | { stopped: Stopped }> {
  const outcome = await run<PdfjsOpens>({ task: 'opens', ...source, pages }, sizeOf(source));
  if ('ok' in outcome) return outcome.ok;
  if ('stopped' in outcome) return { stopped: outcome.stopped };
  return { opens: false, password: false, numPages: 0 };
}

/** For the clerk: a PDF whose content inflates past a cap. */
export function hostilePdfReason(hostile: HostilePage): string {
  const what =
    hostile.kind === 'page'
      ? `第 ${hostile.page} 页的内容解压后超过 ${PDF_LIMITS.maxPageBytes / 1024 / 1024} MB`
      : `各页内容解压后合计超过 ${PDF_LIMITS.maxDocumentBytes / 1024 / 1024} MB（到第 ${hostile.page} 页）`;
  return `PDF ${what}（可能是恶意构造的“解压炸弹”文件），为安全起见不读取其内容、不做完整检查，也不合并到迎检资料中`;
}

/** Why a worker stopped, for the clerk. */
export function stoppedReason(stopped: Stopped, size: number): string {
  if (stopped === 'timeout') return `读取超过 ${Math.round(timeoutForSize(size) / 1000)} 秒仍未完成`;
  if (stopped === 'memory') return `读取所需内存超过上限`;
  return '读取程序意外退出';
}

export type HostileVerdict = { reason: string; pageCount: number | null; stopped: boolean } | null;

/**
 * Why a PDF is a decompression bomb, with its page count, or null for one whose pages stay
 * within the caps (or that pdf-lib cannot read: qpdf and pdf.js judge those, within limits).
 * A read that had to be stopped counts as one for now (`stopped`), but is not a verdict to
 * remember: a busy PC may stop a large honest file.
 */
export async function hostilePdf(source: Source, size?: number): Promise<HostileVerdict> {
  const outcome = await readPdfStructure(source, size);
  if ('stopped' in outcome) {
    const reason = `PDF 文件结构异常，${stoppedReason(outcome.stopped, sizeOf(source, size))}（可能是恶意构造的文件），为安全起见不做完整检查，也不合并到迎检资料中`;
    return { reason, pageCount: null, stopped: true };
  }
  if ('ok' in outcome && outcome.ok.loaded && outcome.ok.hostile) {
    return { reason: hostilePdfReason(outcome.ok.hostile), pageCount: outcome.ok.pageCount, stopped: false };
  }
  return null;
}
