import ExcelJS from 'exceljs';
import { ApiError } from '../../../../../shared/errors';
import { EXCELJS_SKIPPED_NODES } from '../../../extract/xlsx';
import { assertGrid, guardPackage, MAX_MERGED_CELLS, tooManyMergedCells } from '../importLimits';
import { blankMergedSlaves, clipMerges, type MergeRange, type RawTable } from '../table';
import { assertOfficePackage } from './signature';

/** Every visible worksheet as rows of cell text. */
export async function readXlsx(bytes: Buffer, fileLabel: string): Promise<RawTable[]> {
  assertOfficePackage(bytes, fileLabel, 'xlsx');
  await guardPackage(bytes, fileLabel, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; hand it a plain copy.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer, { ignoreNodes: EXCELJS_SKIPPED_NODES });
  } catch {
    throw new ApiError('bad_input', `无法打开工作簿“${fileLabel}”，文件可能已损坏。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入`);
  }
  return workbook.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => readSheet(sheet, fileLabel));
}

function readSheet(sheet: ExcelJS.Worksheet, fileLabel: string): RawTable {
  // Only cells that hold something: a sheet formatted down to row 1048576 stays cheap.
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = cellText(cell.value, cell.numFmt);
    });
    rows[rowNumber - 1] = cells;
  });
  // `rows` has holes where rows are empty; a plain loop reads them as undefined.
  let width = 0;
  for (let r = 0; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  // A stray value far below or right of the table would make a grid of millions of blanks.
  assertGrid(fileLabel, `工作表“${sheet.name}”`, rows.length, width);
  const parsed = sheet.model.merges.map(parseRange).filter((m): m is MergeRange => m !== null);
  const { merges, cells } = clipMerges(parsed, rows.length, width);
  if (cells > MAX_MERGED_CELLS) throw tooManyMergedCells(fileLabel);
  const grid = Array.from({ length: rows.length }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
  // exceljs repeats the master's value in every merged cell; the table step wants blanks there.
  blankMergedSlaves(grid, merges);
  return { label: `工作表“${sheet.name}”`, rows: grid, merges, preamble: [] };
}

function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // A 权重 column formatted as percent stores 0.1 for “10%”.
    if (numFmt && numFmt.includes('%')) return `${tidyNumber(value * 100)}%`;
    return String(tidyNumber(value));
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null || typeof result === 'object') {
      return result instanceof Date ? result.toISOString().slice(0, 10) : '';
    }
    return cellText(result as string | number | boolean, numFmt);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  // Error values (#N/A, #REF!) carry nothing to import.
  return '';
}

/** 0.1 + 0.2 style float noise from formulas, e.g. 2.9999999999999996 → 3. */
function tidyNumber(n: number): number {
  return Number(n.toPrecision(12));
}

function parseRange(range: string): MergeRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (!m) return null;
  return {
    top: Number(m[2]) - 1,
    left: columnIndex(m[1]),
    bottom: Number(m[4]) - 1,
    right: columnIndex(m[3]),
  };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
