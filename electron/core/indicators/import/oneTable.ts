import { ApiError } from '../../../../shared/errors';
import { buildByCodes, codesAreDistinct } from './codeTree';
import type { DraftNode } from './draft';
import { CellReader } from './fields';
import type { HeaderInfo } from './header';
import { layoutOf } from './layout';
import { MergeIndex } from './merges';
import { classifyRows, type ClassifiedRow } from './rows';
import { parseScoreCell } from './score';
import type { RawTable } from './table';
import { buildByStructure } from './tableToTree';
import { squash } from './text';

export interface TableTree {
  roots: DraftNode[];
  warnings: string[];
  /** The sheet's own codes (or codes printed beside the level names) name the items. */
  ownCodes: boolean;
  classified: ClassifiedRow[];
  /** The numbers on 合计/总分 rows, to check against the tree. */
  totals: (number | null)[];
}

/** One table with its header → the draft tree: from the sheet's own codes, or from its layout. */
export function treeOfTable(table: RawTable, header: HeaderInfo, fileLabel: string, keep: ReadonlySet<number> = new Set()): TableTree {
  const merges = new MergeIndex(table.merges);
  const cells = new CellReader(table.rows, merges);
  let layout = layoutOf(header);
  const classified = classifyRows(table.rows, header.row + header.height, table.rows[header.row], layout, merges, keep);
  const filled = classified.filter((c) => c.kind === 'data' || c.kind === 'spanning');
  if (filled.length === 0) {
    throw new ApiError('bad_input', `“${fileLabel}”的表头下方没有任何指标行。请在表头下面逐行填写指标后再导入`);
  }
  const totals = classified.filter((c) => c.kind === 'total').map((c) => totalOf(table.rows[c.row], layout.score));
  const codeCol = layout.code;
  const codes = codeCol === null ? [] : filled.map((c) => cells.raw(c.row, codeCol));
  if (codeCol !== null && codes.some(Boolean) && (!layout.codeWeak || codesAreDistinct(codes))) {
    const parts = buildByCodes({ rows: table.rows, classified, layout: { ...layout, code: codeCol }, cells, fileLabel });
    return { ...parts, ownCodes: true, classified, totals };
  }
  // A 编号 column that restarts per category is numbering, not codes.
  if (codeCol !== null) layout = { ...layout, code: null, numbering: layout.numbering ?? codeCol };
  const parts = buildByStructure({ rows: table.rows, classified, layout, cells, merges });
  return { ...parts, ownCodes: keepPrintedCodes(parts.roots), classified, totals };
}

/** “1-1”, “II-1”, “A1”, “2.3”: a code; “一”, “（一）”, “1）” are outline numbering. */
const CODE = /^[0-9A-Za-z]+(?:[.\-_][0-9A-Za-z]+)*$/;

/**
 * Codes printed beside the level names (“1-1”, “II-1”) are the items' codes when no two are alike;
 * a number that restarts in each category, or outline numbering (一、（一）), stays numbering only.
 */
function keepPrintedCodes(roots: readonly DraftNode[]): boolean {
  const coded: DraftNode[] = [];
  const stack = [...roots];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.code !== null) coded.push(n);
    stack.push(...n.children);
  }
  const codes = coded.map((n) => n.code ?? '');
  if (coded.length > 0 && codes.every((c) => CODE.test(c)) && codesAreDistinct(codes)) return true;
  for (const n of coded) n.code = null;
  return false;
}

/** The number on a 合计 row: its 分值 cell, else the last number in the row (“总分：100分” included). */
function totalOf(row: readonly string[], scoreCol: number | null): number | null {
  const own = scoreCol === null ? null : parseScoreCell(row[scoreCol] ?? '').score;
  if (own !== null) return own;
  const numbers = row.flatMap((c) => squash(c).match(/\d+(\.\d+)?(?=分?$)/g) ?? []);
  return numbers.length > 0 ? Number(numbers[numbers.length - 1]) : null;
}
