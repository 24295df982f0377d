/** Thrown by parseCsv when the text holds more rows or fields than allowed. */
export class CsvTooLarge extends Error {
  constructor(readonly what: 'rows' | 'cells') {
    super(`csv: too many ${what}`);
  }
}

export interface CsvLimits {
  maxRows: number;
  maxCells: number;
}

/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, line breaks and doubled quotes (“""”).
 * Lenient where Excel is: a quote inside an unquoted field is kept as text. Stops with
 * CsvTooLarge as soon as a limit is passed, so a million-line file costs no more than the limit.
 */
export function parseCsv(text: string, delimiter: string, limits: CsvLimits = { maxRows: Infinity, maxCells: Infinity }): string[][] {
  const rows: string[][] = [];
  let cells = 0;
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  const endField = () => {
    if (++cells > limits.maxCells) throw new CsvTooLarge('cells');
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (rows.length >= limits.maxRows) throw new CsvTooLarge('rows');
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  // A last line without a line break still counts; a trailing line break adds no empty row.
  if (fieldStarted || field !== '' || row.length > 0) endRow();
  return rows;
}

const SNIFF_CHARS = 64 * 1024;

/** Comma unless the first lines clearly use tabs or semicolons (Excel’s “Unicode 文本”, European CSV). */
export function sniffDelimiter(text: string): string {
  // The first 20 lines are all it looks at: no need to split a whole large file.
  const sample = text.slice(0, SNIFF_CHARS).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = sample.reduce((n, line) => n + countOutsideQuotes(line, candidate), 0);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}
