import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../../shared/errors';
import { parseCsvTable } from './csv';
import type { ParsedSystem } from './types';

/** Read an indicator system from a workbook, CSV or Word table. Nothing is saved here. */
export async function parseIndicatorFile(file: string): Promise<ParsedSystem> {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file, path.extname(file));
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new ApiError('bad_input', `无法读取文件“${path.basename(file)}”，请确认文件存在且未被占用`);
  }
  if (ext === '.csv' || ext === '.txt') return parseCsvTable(bytes, name);
  throw new ApiError('bad_input', `“${path.basename(file)}”不是支持的测评体系格式，请使用 Excel（.xlsx）、CSV 或 Word（.docx）文件`);
}
