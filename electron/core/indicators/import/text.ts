import { toSimplified } from './simplified';

/** Trim a cell, unify line breaks and drop zero-width and non-breaking oddities Excel and WPS leave behind. */
export function cleanCell(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/[ \t\u3000]+\n/g, '\n')
    .trim();
}

/**
 * Full-width → half-width (NFKC) and no whitespace at all: the form in which column names and
 * marker words are compared, so “分 值（分）” and “分值(分)” look alike.
 */
export function squash(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

/** squash, then 繁体 → 简体: the form in which column names and marker words (否決項, 合計) are recognised. */
export function fold(value: string): string {
  return toSimplified(squash(value));
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Non-empty cells of a row with their column index. */
export function filledCells(row: readonly string[]): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  row.forEach((text, col) => {
    if (text.trim() !== '') out.push({ col, text });
  });
  return out;
}

/** A short quote of a row for warnings: “第 7 行（爱国卫生…）”. */
export function rowLabel(rowNumber: number, row: readonly string[]): string {
  const text = filledCells(row)
    .map((c) => c.text.replace(/\s+/g, ' '))
    .join(' ');
  const quote = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return quote ? `第 ${rowNumber} 行（${quote}）` : `第 ${rowNumber} 行`;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** A title on one line: breaks typed to fit a narrow cell vanish between Chinese characters. */
export function oneLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.reduce((acc, line) => {
    if (!acc) return line;
    const glue = CJK.test(acc.slice(-1)) && CJK.test(line[0]) ? '' : ' ';
    return acc + glue + line;
  }, '');
}
