import { MAX_CELLS, MAX_ROWS, tooManyCells, tooManyRows } from '../importLimits';
import type { RawTable } from '../table';
import { CsvTooLarge, parseCsv, sniffDelimiter } from './csvParse';
import { decodeText } from './encoding';

export function readCsv(bytes: Buffer, fileLabel: string): RawTable[] {
  const text = decodeText(bytes, fileLabel);
  let rows: string[][];
  try {
    rows = parseCsv(text, sniffDelimiter(text), { maxRows: MAX_ROWS, maxCells: MAX_CELLS });
  } catch (err) {
    if (!(err instanceof CsvTooLarge)) throw err;
    throw err.what === 'rows' ? tooManyRows(fileLabel, '表格') : tooManyCells(fileLabel);
  }
  return [{ label: fileLabel, rows, merges: [], preamble: [] }];
}
