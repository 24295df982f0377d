import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../../shared/errors';
import { readCsv } from './readers/csv';
import { readDocx } from './readers/docx';
import { readXlsx } from './readers/xlsx';
import { tablesToSystem } from './system';
import type { RawTable } from './table';
import type { ParsedSystem } from './types';

/** Read an indicator system from a workbook, CSV or Word table. Nothing is saved here. */
export async function parseIndicatorFile(file: string): Promise<ParsedSystem> {
  const ext = path.extname(file).toLowerCase();
  const fileLabel = path.basename(file);
  const name = path.basename(file, path.extname(file));
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new ApiError('bad_input', `无法读取文件“${fileLabel}”，请确认文件存在且未被占用`);
  }
  return tablesToSystem(await readTables(bytes, ext, fileLabel), fileLabel, name);
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
