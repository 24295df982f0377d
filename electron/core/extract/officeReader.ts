import { createRequire } from 'node:module';
import { ApiError } from '../../../shared/errors';
import { DOCX_LAYOUT_TASK } from './docxLayoutTask';
import { ScriptWorker, TASK_LOOP, taskOutcome, timeoutForSize, type Stopped, type TaskReply } from '../workers/scriptWorker';

/**
 * mammoth (Word), ExcelJS (Excel), word-extractor (Word 97–2003) and JSZip (slides) parse a whole document in JavaScript: on a worker thread
 * (workers/scriptWorker.ts), with a time, heap and memory limit, so that a large or crafted file
 * never holds the main thread, where browser mode and the desktop app answer the clerk. The
 * package is looked through first on the main thread (ooxmlGuard.ts streams it: DTDs, sizes,
 * cell counts), so what reaches these parsers is already bounded.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mammoth = require(workerData.mammoth);
const ExcelJS = require(workerData.exceljs);
const WordExtractor = require(workerData.wordExtractor);
const JSZip = require(workerData.jszip);

// Links a packet or preview may keep: the web and e-mail. file:, javascript: and internal
// anchors (they point nowhere once merged into a packet) become their text. A stack, not recursion.
const SAFE_HREF = /^(https?:\\/\\/|mailto:)/i;
function keepSafeLinks(document) {
  const stack = [document];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (!el.children) continue;
    const kept = [];
    for (const child of el.children) {
      if (child.type === 'hyperlink' && !SAFE_HREF.test(String(child.href || '').trim())) {
        for (const inner of child.children || []) kept.push(inner);
      } else kept.push(child);
    }
    el.children = kept;
    for (const child of kept) stack.push(child);
  }
  return document;
}

function cellText(value) {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

const asBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// An entity naming no character (past U+10FFFF, unknown) stays as written.
const codePoint = (n, whole) => (n <= 0x10ffff ? String.fromCodePoint(n) : whole);
const unescapeXml = (s) =>
  s.replace(/&(?:#x([0-9a-f]{1,8})|#([0-9]{1,8})|([a-z]+));/gi, (whole, hex, dec, name) =>
    hex ? codePoint(parseInt(hex, 16), whole) : dec ? codePoint(Number(dec), whole) : XML_ENTITIES[name] ?? whole);

// A slide's words, one line per paragraph (a:p), a line break (a:br) kept.
function slideWords(xml) {
  return xml
    .split(/<\\/a:p>/)
    .map((para) => {
      let line = '';
      for (const m of para.matchAll(/<a:t(?:\\s[^>]*)?>([^<]*)<\\/a:t>|<a:br\\b/g)) line += m[1] === undefined ? '\\n' : unescapeXml(m[1]);
      return line.trim();
    })
    .filter(Boolean)
    .join('\\n');
}

// Relationship id → part name, from ppt/_rels/presentation.xml.rels (targets are relative to ppt/).
function relTargets(xml) {
  const targets = new Map();
  for (const m of xml.matchAll(/<Relationship\\b[^>]*>/g)) {
    const id = /\\bId="([^"]*)"/.exec(m[0]);
    const target = /\\bTarget="([^"]*)"/.exec(m[0]);
    if (id && target) targets.set(id[1], target[1].startsWith('/') ? target[1].slice(1) : 'ppt/' + target[1].replace(/^\\.\\//, ''));
  }
  return targets;
}

const tasks = {
  async docxText({ bytes }) {
    return (await mammoth.extractRawText({ buffer: asBuffer(bytes) })).value;
  },
  async docxHtml({ bytes }) {
    return (await mammoth.convertToHtml({ buffer: asBuffer(bytes) }, { transformDocument: keepSafeLinks })).value;
  },
  // Word 97–2003 and WPS 文字: body, then text boxes, headers and footers, foot- and endnotes.
  // filterUnicode off: its filter turns Chinese quotes “” into ASCII ones.
  async wordText({ bytes }) {
    const doc = await new WordExtractor().extract(asBuffer(bytes));
    const raw = { filterUnicode: false };
    return [doc.getBody(raw), doc.getTextboxes({ ...raw, includeHeadersAndFooters: false }), doc.getHeaders({ ...raw, includeFooters: true }), doc.getFootnotes(raw), doc.getEndnotes(raw)]
      .map((part) => part.trim())
      .filter(Boolean)
      .join('\\n');
  },
  // A .pptx's slides in the order shown (presentation.xml's sldIdLst), not the order of the zip.
  async slidesText({ bytes }) {
    const zip = await JSZip.loadAsync(asBuffer(bytes));
    const part = async (name) => (zip.file(name) ? zip.file(name).async('string') : '');
    const targets = relTargets(await part('ppt/_rels/presentation.xml.rels'));
    const order = [...(await part('ppt/presentation.xml')).matchAll(/<p:sldId\\b[^>]*\\br:id="([^"]*)"/g)].map((m) => targets.get(m[1])).filter(Boolean);
    const slides = [];
    for (const name of order) slides.push(slideWords(await part(name)));
    return slides.filter(Boolean).join('\\n\\n');
  },
  async sheets({ bytes, maxRowsPerSheet, skippedNodes }) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asBuffer(bytes), { ignoreNodes: skippedNodes });
    return book.worksheets.map((sheet) => {
      const rows = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        if (rows.length >= maxRowsPerSheet) return;
        rows.push(row.values.slice(1).map(cellText));
      });
      return { name: sheet.name, rows, truncated: sheet.actualRowCount > rows.length };
    });
  },
};

`;

const worker = new ScriptWorker<{ task: string; bytes: Uint8Array } & Record<string, unknown>, TaskReply>({
  source: WORKER_SOURCE + DOCX_LAYOUT_TASK + TASK_LOOP,
  workerData: () => {
    const require = createRequire(import.meta.url);
    return {
      mammoth: require.resolve('mammoth'),
      exceljs: require.resolve('exceljs'),
      wordExtractor: require.resolve('word-extractor'),
      jszip: require.resolve('jszip'),
      jsdom: require.resolve('jsdom'),
      docxPreview: require.resolve('docx-preview'),
    };
  },
  maxHeapMb: 1024,
  maxRssGrowthMb: 2048,
  idleMs: 20_000,
});

const stoppedMessages: Record<Stopped, string> = {
  timeout: '文件过大或结构异常，在限定时间内未能读取完毕',
  memory: '文件过大或结构异常，读取所需内存超过上限',
  crash: '读取程序意外退出（文件可能已损坏）',
};

/** Run one parse; rejects with the parser's error (a damaged file) or a named ApiError when stopped. */
export async function readOffice<T>(task: 'docxText' | 'docxHtml' | 'docxLayout' | 'sheets' | 'wordText' | 'slidesText', bytes: Buffer, extra: Record<string, unknown> = {}): Promise<T> {
  // Several MB of Office XML can take mammoth or ExcelJS seconds: twice the usual time per MB.
  const outcome = await worker.run({ task, bytes, ...extra }, 2 * timeoutForSize(bytes.byteLength));
  const result = taskOutcome<T>(outcome);
  if ('stopped' in result) throw new ApiError('bad_input', stoppedMessages[result.stopped]);
  if ('error' in result) throw new Error(result.error);
  return result.ok;
}
