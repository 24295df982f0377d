import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** A part's content: a string, or lines produced on the fly so a 100 MB part is never held whole. */
export type PartData = string | Iterable<string>;

/** Write a zip whose parts are deflated as they are produced (yazl streams each one). */
export async function writeZipStreaming(file: string, parts: Record<string, PartData>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(parts)) {
    if (typeof data === 'string') zip.addBuffer(Buffer.from(data, 'utf8'), name);
    else zip.addReadStream(Readable.from(chunked(data)), name);
  }
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
}

/** Lines joined into ~64 KB chunks: one stream write per line would dominate the run time. */
function* chunked(lines: Iterable<string>): Generator<Buffer> {
  let buf = '';
  for (const line of lines) {
    buf += line;
    if (buf.length >= 65_536) {
      yield Buffer.from(buf, 'utf8');
      buf = '';
    }
  }
  if (buf) yield Buffer.from(buf, 'utf8');
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** An .xlsx of one sheet named 测评体系, from its raw SpreadsheetML (or lines of it). */
export async function writeRawXlsx(file: string, sheet: PartData): Promise<void> {
  await writeZipStreaming(file, {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<sheets><sheet name="测评体系" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
  });
}

const SHEET_OPEN = `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${str('A1', '编码')}${str('B1', '指标名称')}${str('C1', '分值')}</row>`;

/** One 测评体系 row: code, title, score. */
const itemRow = (r: number, n: number) => `<row r="${r}"><c r="A${r}"><v>${n}</v></c>${str(`B${r}`, `指标${n}`)}<c r="C${r}"><v>1</v></c></row>`;

/** A 测评体系 sheet (编码 | 指标名称 | 分值) with `rows` items, and what follows sheetData. */
export function sheetLines(rows: number, after = ''): Iterable<string> {
  return (function* () {
    yield SHEET_OPEN + HEADER_ROW;
    for (let i = 1; i <= rows; i++) yield itemRow(i + 1, i);
    yield `</sheetData>${after}</worksheet>`;
  })();
}

/** Three items, then one more value far below: row `lastRow` of the sheet. */
export function sparseSheet(lastRow: number): string {
  return `${SHEET_OPEN}${HEADER_ROW}${itemRow(2, 1)}${itemRow(3, 2)}${itemRow(4, 3)}<row r="${lastRow}">${str(`A${lastRow}`, 'x')}</row></sheetData></worksheet>`;
}

/**
 * An .xlsx of one sheet: a 测评体系 header, then `rows` items, as raw SpreadsheetML. `compact`
 * leaves out cell references and text (about 30 bytes a row), so a million rows unpack to less
 * than the size limit and only the row count can refuse them.
 */
export async function writeBigXlsx(file: string, rows: number, compact = false): Promise<void> {
  if (!compact) return writeRawXlsx(file, sheetLines(rows));
  await writeRawXlsx(
    file,
    (function* () {
      yield SHEET_OPEN + HEADER_ROW;
      for (let i = 1; i <= rows; i++) yield `<row><c><v>${i}</v></c><c><v>${i}</v></c><c><v>1</v></c></row>`;
      yield '</sheetData></worksheet>';
    })(),
  );
}

/** A CSV (UTF-8) with a header and `rows` items. */
export async function writeBigCsv(file: string, rows: number): Promise<void> {
  function* lines(): Generator<string> {
    yield '序号,指标名称,分值\n';
    for (let i = 1; i <= rows; i++) yield `${i},指标${i},1\n`;
  }
  await pipeline(Readable.from(chunked(lines())), fs.createWriteStream(file));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const cell = (text: string) => `<w:tc><w:p>${run(text)}</w:p></w:tc>`;

/** A .docx from the body markup of word/document.xml (or lines of it), with optional extra parts and relationships. */
export async function writeRawDocx(
  file: string,
  body: PartData,
  options: { prolog?: string; rels?: string; extraParts?: Record<string, string> } = {},
): Promise<void> {
  function* document(): Generator<string> {
    yield `${XML}${options.prolog ?? ''}<w:document ${W}><w:body>`;
    if (typeof body === 'string') yield body;
    else yield* body;
    yield '<w:sectPr/></w:body></w:document>';
  }
  await writeZipStreaming(file, {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.rels ?? ''}</Relationships>`,
    'word/document.xml': document(),
    ...options.extraParts,
  });
}

/** A Word 测评体系 table of `rows` items under a header row. */
export async function writeBigDocxTable(file: string, rows: number): Promise<void> {
  function* body(): Generator<string> {
    yield `<w:p>${run('测评体系')}</w:p><w:tbl><w:tblPr/><w:tr>${cell('序号')}${cell('指标名称')}${cell('分值')}</w:tr>`;
    for (let i = 1; i <= rows; i++) yield `<w:tr>${cell(String(i))}${cell(`指标${i}`)}${cell('1')}</w:tr>`;
    yield '</w:tbl><w:p/>';
  }
  await writeRawDocx(file, body());
}

/** A small valid 测评体系 table, as body markup: what hostile prologs are put in front of. */
export const SMALL_TABLE =
  `<w:tbl><w:tblPr/><w:tr>${cell('一级指标')}${cell('测评内容')}${cell('分值')}</w:tr>` +
  `<w:tr>${cell('组织领导')}${cell('成立领导小组')}${cell('10')}</w:tr></w:tbl><w:p/>`;

/** An external entity pointing at a local file, used in the table. */
export const XXE_PROLOG = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
export const XXE_BODY = SMALL_TABLE.replace('成立领导小组', '&xxe;');

/** Billion laughs: ten levels of ten references, 10^9 “lol” if expanded. */
export const LAUGHS_PROLOG = (() => {
  let decl = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) decl += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<!DOCTYPE w:document [${decl}]>`;
})();
export const LAUGHS_BODY = SMALL_TABLE.replace('成立领导小组', '&lol9;');

/** A paragraph with a hyperlink to `target` (an external relationship `id`). */
export function linkParagraph(id: string, text: string): string {
  return `<w:p><w:hyperlink r:id="${id}">${run(text)}</w:hyperlink></w:p>`;
}

export function externalRel(id: string, target: string): string {
  return `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`;
}
