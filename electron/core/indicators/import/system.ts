import { ApiError } from '../../../../shared/errors';
import { buildByCodes, codesAreDistinct } from './codeTree';
import { CellReader } from './fields';
import type { DraftNode } from './draft';
import { finishTree } from './finish';
import { MAX_DEPTH } from './importLimits';
import { layoutOf, type Layout } from './layout';
import { MergeIndex } from './merges';
import { pickTable } from './pickTable';
import { classifyRows } from './rows';
import { parseScoreCell } from './score';
import type { ImportMapping } from '../../../../shared/domain';
import type { RawTable } from './table';
import { buildByStructure, type TreeParts } from './tableToTree';
import { cleanCell, squash } from './text';
import type { ParsedIndicator, ParsedSystem } from './types';

/**
 * The shared table → tree step every reader feeds: pick the table, work out its columns, build
 * the tree from the sheet's own codes or from its layout, then settle kinds, scores and codes.
 * `fileLabel` names the file in messages; `fallbackName` is used when there is no title row.
 */
export function tablesToSystem(
  rawTables: readonly RawTable[],
  fileLabel: string,
  fallbackName: string,
  mapping?: ImportMapping,
): ParsedSystem {
  // One cleanup for every reader: CRLF inside cells, zero-width spaces, trailing blanks.
  const tables = cleanTables(rawTables);
  const { table, index, header, title, warnings } = pickTable(tables, fileLabel, mapping);
  const merges = new MergeIndex(table.merges);
  const cells = new CellReader(table.rows, merges);
  let layout: Layout = layoutOf(header);
  const classified = classifyRows(table.rows, header.row + header.height, table.rows[header.row], layout, merges);
  const filled = classified.filter((c) => c.kind === 'data' || c.kind === 'spanning');
  if (filled.length === 0) {
    throw new ApiError('bad_input', `“${fileLabel}”的表头下方没有任何指标行。请在表头下面逐行填写指标后再导入`);
  }
  let parts: TreeParts;
  const codeCol = layout.code;
  const codes = codeCol === null ? [] : filled.map((c) => cells.raw(c.row, codeCol));
  const ownCodes = codeCol !== null && codes.some(Boolean) && (!layout.codeWeak || codesAreDistinct(codes));
  if (ownCodes) {
    parts = buildByCodes({ rows: table.rows, classified, layout: { ...layout, code: codeCol }, cells, fileLabel });
  } else {
    // A 编号 column that restarts per category is numbering, not codes.
    if (codeCol !== null) layout = { ...layout, code: null, numbering: layout.numbering ?? codeCol };
    parts = buildByStructure({ rows: table.rows, classified, layout, cells, merges });
  }
  // finishTree walks the tree recursively: its depth is checked first, without recursion.
  assertDepth(parts.roots, fileLabel);
  const finished = finishTree(parts.roots, ownCodes);
  if (finished.indicators.length === 0) {
    throw new ApiError('bad_input', `“${fileLabel}”中没有找到任何指标。请检查表头下方的指标名称列是否填写`);
  }
  const totals = classified.filter((c) => c.kind === 'total').map((c) => totalOf(table.rows[c.row], layout.score));
  return {
    name: title ?? fallbackName,
    indicators: finished.indicators,
    warnings: [...warnings, ...parts.warnings, ...finished.warnings, ...checkTotals(totals, finished.indicators)],
    mapping: {
      table: index,
      headerRow: header.row,
      headerRows: header.height,
      columns: header.columns.map((c) => (c.level === undefined ? { col: c.col, role: c.role } : { col: c.col, role: c.role, level: c.level })),
    },
    ownCodes,
  };
}

function assertDepth(roots: readonly DraftNode[], fileLabel: string): void {
  const stack = roots.map((node) => ({ node, depth: 1 }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.depth > MAX_DEPTH) {
      throw new ApiError(
        'bad_input',
        `“${fileLabel}”中的指标超过 ${MAX_DEPTH} 级（第 ${item.node.row + 1} 行），无法作为测评体系导入。请检查编码或上级编码列是否有误后再导入`,
      );
    }
    for (const child of item.node.children) stack.push({ node: child, depth: item.depth + 1 });
  }
}

export function cleanTables(rawTables: readonly RawTable[]): RawTable[] {
  return rawTables.map((t) => ({ ...t, rows: t.rows.map((row) => row.map(cleanCell)) }));
}

/** The number on a 合计 row: its 分值 cell, else the last number in the row (“总分：100分” included). */
function totalOf(row: readonly string[], scoreCol: number | null): number | null {
  const own = scoreCol === null ? null : parseScoreCell(row[scoreCol] ?? '').score;
  if (own !== null) return own;
  const numbers = row.flatMap((c) => squash(c).match(/\d+(\.\d+)?(?=分?$)/g) ?? []);
  return numbers.length > 0 ? Number(numbers[numbers.length - 1]) : null;
}

function checkTotals(totals: readonly (number | null)[], indicators: readonly ParsedIndicator[]): string[] {
  const sum = indicators.filter((i) => i.parentCode === null && i.kind === 'scored').reduce((s, i) => s + (i.score ?? 0), 0);
  return totals
    .filter((t): t is number => t !== null && Math.abs(t - sum) > 1e-6)
    .map((t) => `表中“合计”为 ${t} 分，但各项指标合计 ${Math.round(sum * 1000) / 1000} 分，请核对`);
}
