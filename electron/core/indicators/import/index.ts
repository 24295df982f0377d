import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../../shared/errors';
import { fileTooLarge, MAX_FILE_BYTES } from './importLimits';
import { readCsv } from './readers/csv';
import { readDocx } from './readers/docx';
import { readXlsx } from './readers/xlsx';
import { systemOf } from './parseCache';
import type { RawTable } from './table';
import type { ImportChoices, ParsedSystem } from './types';
import { simplifySystem } from './simplified';
import { renameUnits } from './unitRenames';

export interface IndicatorTables {
  fileLabel: string;
  /** The file name without extension: the system's name when there is no title row. */
  fallbackName: string;
  tables: RawTable[];
}

/** Read an indicator system from a workbook, CSV or Word table. Nothing is saved here. */
export async function parseIndicatorFile(file: string, choices: ImportChoices = {}): Promise<ParsedSystem> {
  const read = await readIndicatorTables(file);
  return applyChoices(systemOf(read, choices), choices);
}

/** The clerk's 简体 and unit choices, applied to a parsed tree. */
export function applyChoices(parsed: ParsedSystem, choices: ImportChoices): ParsedSystem {
  const simple = choices.simplify ? simplifySystem(parsed) : parsed;
  return choices.unitNames?.length ? renameUnits(simple, choices.unitNames) : simple;
}

/**
 * The last file read, so 确认导入 right after 预览 does not read the workbook again. Keyed by
 * path, size and modification time: a file changed in between is read afresh.
 */
let lastRead: { key: string; value: IndicatorTables } | null = null;

/** The raw tables of a file, before any header is looked for. */
export async function readIndicatorTables(file: string): Promise<IndicatorTables> {
  const ext = path.extname(file).toLowerCase();
  const fileLabel = path.basename(file);
  const unreadable = () => new ApiError('bad_input', `无法读取文件“${fileLabel}”，请确认文件存在且未被占用`);
  const stat = await fs.stat(file).catch(() => {
    throw unreadable();
  });
  const key = `${path.resolve(file)}|${stat.size}|${stat.mtimeMs}`;
  if (lastRead?.key === key) return lastRead.value;
  // Before reading it: a file this large is no 测评体系, and reading it whole would cost its size.
  if (stat.size > MAX_FILE_BYTES) throw fileTooLarge(fileLabel, stat.size);
  const bytes = await fs.readFile(file).catch(() => {
    throw unreadable();
  });
  const tables = await readTables(bytes, ext, fileLabel);
  const value = { fileLabel, fallbackName: path.basename(file, path.extname(file)), tables };
  lastRead = { key, value };
  return value;
}

async function readTables(bytes: Buffer, ext: string, fileLabel: string): Promise<RawTable[]> {
  switch (ext) {
    case '.xlsx':
    case '.xlsm':
      return readXlsx(bytes, fileLabel);
    case '.csv':
    case '.tsv':
    case '.txt':
      return readCsv(bytes, fileLabel);
    case '.docx':
      return readDocx(bytes, fileLabel);
    case '.xls':
    case '.et':
      throw new ApiError('bad_input', `“${fileLabel}”是旧版或 WPS 专用的表格格式，无法直接读取。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`);
    case '.doc':
    case '.wps':
      throw new ApiError('bad_input', `“${fileLabel}”是旧版或 WPS 专用的文档格式，无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 后再导入`);
    default:
      throw new ApiError('bad_input', `“${fileLabel}”不是支持的测评体系格式，请使用 Excel（.xlsx）、CSV 或 Word（.docx）文件`);
  }
}
