import type { ColumnSpec, HeaderInfo } from './header';
import type { MergeIndex } from './merges';
import { numberingCellStyle } from './numbering';
import { fold, isBlankRow } from './text';

/** “1-1”, “II-1”, “A.2”, “（一）”, “1）”, “①”: a printed code or number, no words. */
const CODE_LIKE = /^[（(]?[0-9A-Za-z\u2160-\u217B\u2460-\u2473一二三四五六七八九十]{1,4}(?:[.\-_．·—][0-9A-Za-z\u2160-\u217B]{1,4}){0,4}[）)]?[.、．]?$/;
const WORDS = /[\u3400-\u9fff]{2,}/;
/** Share of a column's filled cells that must look like codes (or names) to pair it. */
const MAJORITY = 0.8;

/**
 * Published tables often put a level's code and name side by side under one heading: 一级指标
 * merged over “1-1” | “领导班子建设（15分）”, or a heading followed by an unnamed column. Such a
 * pair names the level by the name column and keeps the code column as that level's code.
 */
export function pairCodeColumns(header: HeaderInfo, rows: readonly string[][], merges: MergeIndex): HeaderInfo {
  const named = new Set(header.columns.map((c) => c.col));
  const data = rows.slice(header.row + header.height).filter((r) => !isBlankRow(r));
  const columns: ColumnSpec[] = [];
  // A heading printed twice over its two columns (CSV saved from merged cells by some tools).
  const twin = (a: ColumnSpec, b: ColumnSpec | undefined) => b !== undefined && b.col === a.col + 1 && b.role === a.role && b.level === a.level && b.header === a.header;
  const specs = header.columns.filter((spec, i) => !(i > 0 && twin(header.columns[i - 1], spec) && (spec.role === 'level' || spec.role === 'title')));
  for (const spec of specs) {
    if (spec.role !== 'level' && spec.role !== 'title') {
      columns.push(spec);
      continue;
    }
    const next = header.columns.find((c) => c.col === spec.col + 1);
    const span = twin(spec, next) ? [spec.col, spec.col + 1] : spanOf(spec.col, header, rows, merges, named);
    if (span.length < 2) {
      columns.push(spec);
      continue;
    }
    const codeCol = span.find((c) => share(data, c, (t) => CODE_LIKE.test(t) || (numberingCellStyle(t) !== null && !WORDS.test(t))) >= MAJORITY);
    const nameCol = span.find((c) => c !== codeCol && share(data, c, (t) => WORDS.test(t)) >= MAJORITY);
    if (codeCol === undefined || nameCol === undefined) {
      columns.push(spec);
      // Not a pair after all: the twin stays a column of its own.
      if (twin(spec, next) && next) columns.push(next);
      continue;
    }
    columns.push({ ...spec, col: nameCol });
    columns.push({ role: 'code', col: codeCol, codeFor: nameCol, header: `${spec.header}（编号）` });
  }
  columns.sort((a, b) => a.col - b.col);
  return { ...header, columns: numberedLevels(columns) };
}

/**
 * 编号 | 一级指标 | 编号 | 二级指标: when two or more levels each have a 编号/序号 column just left
 * of them, each numbers its level (not the sheet's own code, not the rows).
 */
function numberedLevels(columns: ColumnSpec[]): ColumnSpec[] {
  const at = new Map(columns.map((c) => [c.col, c]));
  const pairs = columns
    .filter((c) => c.role === 'level')
    .map((level) => ({ level, code: at.get(level.col - 1) }))
    .filter((p): p is { level: ColumnSpec; code: ColumnSpec } => p.code !== undefined && (p.code.role === 'code' || p.code.role === 'numbering') && p.code.codeFor === undefined);
  if (pairs.length < 2) return columns;
  const codes = new Map(pairs.map((p) => [p.code.col, p.level.col]));
  return columns.map((c) => (codes.has(c.col) ? { role: 'code', col: c.col, codeFor: codes.get(c.col), header: c.header } : c));
}

/** The columns a heading covers: its merge across, else the unnamed columns right of it. */
function spanOf(col: number, header: HeaderInfo, rows: readonly string[][], merges: MergeIndex, named: ReadonlySet<number>): number[] {
  const width = merges.width(header.row, col);
  if (width >= 2) return Array.from({ length: width }, (_, i) => col + i);
  const span = [col];
  const headerRows = rows.slice(header.row, header.row + header.height);
  for (let c = col + 1; c < (rows[header.row]?.length ?? 0); c++) {
    if (named.has(c) || headerRows.some((r) => (r[c] ?? '').trim() !== '') || merges.at(header.row, c)) break;
    span.push(c);
  }
  return span;
}

/** Totals and notes (“合计”, “注：…”) written into the code column are not counted against it. */
const NOT_A_VALUE = /^(注|说明|备注|合计|总计|小计|总分|共计)/;

function share(rows: readonly string[][], col: number, test: (text: string) => boolean): number {
  let filled = 0;
  let hits = 0;
  for (const r of rows) {
    const t = (r[col] ?? '').trim();
    if (!t || NOT_A_VALUE.test(fold(t))) continue;
    filled++;
    if (test(t)) hits++;
  }
  return filled === 0 ? 0 : hits / filled;
}
