import type { RawTable } from '../table';
import { parseCsv, sniffDelimiter } from './csvParse';
import { decodeText } from './encoding';

export function readCsv(bytes: Buffer, fileLabel: string): RawTable[] {
  const text = decodeText(bytes, fileLabel);
  const rows = parseCsv(text, sniffDelimiter(text));
  return [{ label: fileLabel, rows, merges: [], preamble: [] }];
}
