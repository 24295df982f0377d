import { createRequire } from 'node:module';
import { ScriptWorker, TASK_LOOP, taskOutcome, timeoutForSize, type TaskOutcome, type TaskReply } from '../../workers/scriptWorker';

/**
 * Parsers that read a whole file in JavaScript (pdf-lib for PDF, SheetJS cfb for legacy Office)
 * run on a worker thread (workers/scriptWorker.ts): one odd file can then neither stop 四性检测
 * with a thrown error, nor hold the app with a parse that never ends, nor take its memory, nor
 * print the libraries' messages. The worker loads the libraries by the absolute paths the main
 * thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } = require(workerData.pdfLib);
const CFB = require(workerData.cfb);

function activeContent(doc) {
  const S = PDFName.of('S'), JS = PDFName.of('JS'), JAVASCRIPT = PDFName.of('JavaScript'), LAUNCH = PDFName.of('Launch');
  const found = new Set();
  const seen = new Set();
  const visit = (obj, depth) => {
    if (!obj || depth > 32 || seen.has(obj)) return;
    seen.add(obj);
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    if (dict) {
      const s = dict.get(S);
      if (s === JAVASCRIPT || dict.has(JS)) found.add('JavaScript 脚本');
      if (s === LAUNCH) found.add('启动外部程序的动作（Launch）');
      for (const [, value] of dict.entries()) if (!(value instanceof PDFStream)) visit(value, depth + 1);
    } else if (obj instanceof PDFArray) {
      for (const item of obj.asArray()) visit(item, depth + 1);
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  return [...found];
}

// Page count and active content. The raw bytes are scanned too: object streams of an encrypted
// file cannot be read without the key, and pdf-lib gives up on some damaged files readers open.
async function pdf(file) {
  const bytes = fs.readFileSync(file);
  const active = new Set();
  if (bytes.includes('/JavaScript') || bytes.includes('/JS ') || bytes.includes('/JS(')) active.add('JavaScript 脚本');
  if (bytes.includes('/Launch')) active.add('启动外部程序的动作（Launch）');
  let pageCount = null;
  try {
    // A worker thread: no pauses while parsing (pdfRepair/pdfLibPacing.ts).
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: Infinity });
    for (const what of activeContent(doc)) active.add(what);
    pageCount = doc.getPageCount();
  } catch {
    // qpdf and pdf.js decide whether it opens (see pdfRepair/health.ts)
  }
  return { pageCount, active: [...active] };
}

// Word 97–2003: the FIB starts with 0xA5EC and names its table stream (0Table/1Table), where the
// piece table (Clx) that maps the text must lie whole. Excel 97–2003: the Workbook stream is a
// run of records (type, length) that starts with BOF and reaches an EOF record without running
// off the end. This is the structure a reader needs before it can show a single character.
function wordOpens(container, doc) {
  if (doc.length < 0x1aa || doc.readUInt16LE(0) !== 0xa5ec) return false;
  const table = stream(container, doc.readUInt16LE(0x0a) & 0x0200 ? '1Table' : '0Table');
  if (!table) return false;
  const fcClx = doc.readUInt32LE(0x1a2);
  const lcbClx = doc.readUInt32LE(0x1a6);
  if (lcbClx === 0 || fcClx + lcbClx > table.length) return false;
  let p = fcClx;
  while (table[p] === 1) {
    p += 3 + table.readUInt16LE(p + 1);
    if (p >= fcClx + lcbClx) return false;
  }
  if (table[p] !== 2 || p + 5 > table.length) return false;
  const lcb = table.readUInt32LE(p + 1);
  return p + 5 + lcb <= table.length && lcb >= 16 && (lcb - 4) % 12 === 0;
}

function workbookOpens(book) {
  if (book.length < 4 || ![0x0809, 0x0409, 0x0209].includes(book.readUInt16LE(0))) return false;
  for (let p = 0; p + 4 <= book.length; ) {
    const type = book.readUInt16LE(p);
    p += 4 + book.readUInt16LE(p + 2);
    if (p > book.length) return false;
    if (type === 0x000a) return true;
  }
  return false;
}

// A password: encrypted OOXML or RC4 CryptoAPI streams; Word's FIB fEncrypted bit (byte 0x0B,
// bit 0); Excel's FILEPASS record (0x002F) among the first records of the workbook globals.
function encrypted(names, word, book) {
  if (names.some((n) => n === 'EncryptionInfo' || n === 'EncryptedPackage' || n === 'EncryptedSummary')) return true;
  if (word && word.length > 0x0b && word.readUInt16LE(0) === 0xa5ec && (word[0x0b] & 0x01) !== 0) return true;
  if (book) {
    for (let p = 0, n = 0; n < 64 && p + 4 <= book.length; n += 1) {
      if (book.readUInt16LE(p) === 0x002f) return true;
      p += 4 + book.readUInt16LE(p + 2);
    }
  }
  return false;
}

function stream(container, name) {
  const entry = CFB.find(container, name);
  return entry && entry.content ? Buffer.from(entry.content) : null;
}

function ole(file) {
  const container = CFB.read(fs.readFileSync(file), { type: 'buffer' });
  const names = container.FullPaths.map((p) => (p.endsWith('/') ? p.slice(0, -1) : p).split('/').pop());
  const word = stream(container, 'WordDocument');
  const book = stream(container, 'Workbook') || stream(container, 'Book');
  const slides = stream(container, 'PowerPoint Document');
  return {
    word: word ? wordOpens(container, word) : null,
    workbook: book ? workbookOpens(book) : null,
    slides: slides ? slides.length >= 8 : null,
    encrypted: encrypted(names, word, book),
    macros: names.some((n) => n === '_VBA_PROJECT_CUR' || n === 'VBA' || n === 'Macros' || n === '_VBA_PROJECT'),
  };
}

const tasks = { pdf: ({ file }) => pdf(file), ole: ({ file }) => ole(file) };
`;

export interface PdfFacts {
  /** null where pdf-lib could not read the page tree. */
  pageCount: number | null;
  active: string[];
}

export interface OleFacts {
  /** null: no WordDocument stream; false: one whose structure does not hold. */
  word: boolean | null;
  workbook: boolean | null;
  /** null: no PowerPoint Document stream (.ppt/.dps). */
  slides: boolean | null;
  /** Opening needs a password. */
  encrypted: boolean;
  macros: boolean;
}

interface Kinds {
  pdf: PdfFacts;
  ole: OleFacts;
}

const worker = new ScriptWorker<{ task: keyof Kinds; file: string }, TaskReply>({
  source: WORKER_SOURCE + TASK_LOOP,
  workerData: () => {
    const require = createRequire(import.meta.url);
    return { pdfLib: require.resolve('pdf-lib'), cfb: require.resolve('cfb') };
  },
  // A PDF that needs more to parse is not one a reader opens either.
  maxHeapMb: 1024,
  idleMs: 20_000,
});

/** Parse `file` as `kind` on the worker thread, within the time its size allows. */
export async function parseInWorker<K extends keyof Kinds>(kind: K, file: string, bytes: number): Promise<TaskOutcome<Kinds[K]>> {
  return taskOutcome(await worker.run({ task: kind, file }, timeoutForSize(bytes)));
}
