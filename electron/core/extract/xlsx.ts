import ExcelJS from 'exceljs';
import { readOffice } from './officeReader';
import { guardOffice, type OoxmlLimits } from './ooxmlGuard';

export interface SheetText {
  name: string;
  rows: string[][];
  truncated: boolean;
}

/**
 * Sheet parts exceljs need not read for cell text. Data validations above all: exceljs makes an
 * entry for every cell of their ranges, and one whole-column dropdown (C2:C1048576) costs it
 * seconds and hundreds of MB.
 */
export const EXCELJS_SKIPPED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks'];

/** Cells exceljs holds at once for a material (about 1 KB each), merged cells included: it creates those too. */
const MAX_MATERIAL_CELLS = 300_000;
const SHEET = /xl\/worksheets\/sheet\d+\.xml/i;
const TOO_BIG = `的单元格超过 ${MAX_MATERIAL_CELLS} 个，表格过大，无法在程序中显示，请用 Excel 或 WPS 打开原件查看`;

const XLSX_LIMITS: OoxmlLimits = {
  maxXmlBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  rules: [
    { part: SHEET, tag: 'c', max: MAX_MATERIAL_CELLS, scope: 'package', message: TOO_BIG },
    { part: SHEET, tag: 'mergeCell', max: MAX_MATERIAL_CELLS, scope: 'package', message: TOO_BIG, weigh: mergeArea },
  ],
};

/** Cells a `<mergeCell ref="B2:D10"/>` covers (1 when the reference does not read). */
export function mergeArea(startTag: string): number {
  const m = /ref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?["']/i.exec(startTag);
  if (!m || !m[3]) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
  return rows * cols;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A workbook filed as a material, loaded by exceljs after the package is looked through: a DTD,
 * or more cells than fit in memory, is refused (OfficeRefusedError) before exceljs starts.
 */
export async function loadWorkbook(bytes: Buffer, fileLabel?: string): Promise<ExcelJS.Workbook> {
  await guardOffice(bytes, XLSX_LIMITS, fileLabel);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: EXCELJS_SKIPPED_NODES });
  return book;
}

/** The cells of every sheet as text, row by row (preview and search), read on the reader thread. */
export async function readSheets(bytes: Buffer, maxRowsPerSheet: number, fileLabel?: string): Promise<SheetText[]> {
  await guardOffice(bytes, XLSX_LIMITS, fileLabel);
  return readOffice<SheetText[]>('sheets', bytes, { maxRowsPerSheet, skippedNodes: EXCELJS_SKIPPED_NODES });
}

export async function xlsxText(bytes: Buffer): Promise<string> {
  const sheets = await readSheets(bytes, 20_000);
  return sheets.map((s) => [s.name, ...s.rows.map((r) => r.filter(Boolean).join(' '))].join('\n')).join('\n');
}
