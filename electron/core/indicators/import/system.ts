import { ApiError } from '../../../../shared/errors';
import type { ImportSection, SkippedRow } from '../../../../shared/domain';
import { splitTrailingBlock } from './blocks';
import { pairCodeColumns } from './codePairs';
import type { DraftNode } from './draft';
import { finishTree } from './finish';
import { MAX_DEPTH } from './importLimits';
import { MergeIndex } from './merges';
import { treeOfTable } from './oneTable';
import { pickTable } from './pickTable';
import { skippedRows } from './rows';
import { readSections } from './sections';
import type { RawTable } from './table';
import { cleanCell } from './text';
import type { ImportChoices, ParsedIndicator, ParsedSystem } from './types';

/**
 * The shared table → tree step every reader feeds: pick the table, work out its columns, build
 * the tree from the sheet's own codes or from its layout, add the 否决项/加分项 sections that stand
 * in other tables or lists, then settle kinds, scores and codes.
 * `fileLabel` names the file in messages; `fallbackName` is used when there is no title row.
 */
export function tablesToSystem(
  rawTables: readonly RawTable[],
  fileLabel: string,
  fallbackName: string,
  choices: Pick<ImportChoices, 'mapping' | 'skipSections' | 'keepRows'> = {},
): ParsedSystem {
  const { mapping, skipSections = [] } = choices;
  // Rows the clerk keeps although they read as 注, 合计 …: 1-based in the preview, 0-based here.
  const keep = new Set((choices.keepRows ?? []).map((r) => r - 1));
  // One cleanup for every reader: CRLF inside cells, zero-width spaces, trailing blanks.
  const tables = cleanTables(rawTables);
  const picked = pickTable(tables, fileLabel, mapping);
  const { table, index, title, warnings } = picked;
  // A clerk's mapping says which columns are codes; detected headers are looked at for code | name pairs.
  const header = mapping ? picked.header : pairCodeColumns(picked.header, table.rows, new MergeIndex(table.merges));
  // A 否决项/加分项 block with its own column names below the table is read as a section.
  const split = splitTrailingBlock(table, header);
  const main = treeOfTable(split.table, header, fileLabel, keep);
  const sections = readSections(split.block ? [...tables, split.block] : tables, picked.used, fileLabel, skipSections, { header, roots: main.roots });
  const roots: DraftNode[] = [...main.roots, ...sections.roots];
  // finishTree walks the tree recursively: its depth is checked first, without recursion.
  assertDepth(roots, fileLabel);
  const finished = finishTree(roots, main.ownCodes);
  if (finished.indicators.length === 0) {
    throw new ApiError('bad_input', `“${fileLabel}”中没有找到任何指标。请检查表头下方的指标名称列是否填写`);
  }
  const skipped: SkippedRow[] = skippedRows(split.table.rows, main.classified);
  return {
    name: title ?? fallbackName,
    indicators: finished.indicators,
    warnings: [...warnings, ...main.warnings, ...sections.warnings, ...finished.warnings, ...checkTotals(main.totals, finished.indicators)],
    mapping: {
      table: index,
      headerRow: header.row,
      headerRows: header.height,
      columns: header.columns.map((c) => ({
        col: c.col,
        role: c.role,
        ...(c.level === undefined ? {} : { level: c.level }),
        ...(c.codeFor === undefined ? {} : { codeFor: c.codeFor }),
      })),
    },
    ownCodes: main.ownCodes,
    sections: sections.sections satisfies ImportSection[],
    skippedRows: skipped,
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

function checkTotals(totals: readonly (number | null)[], indicators: readonly ParsedIndicator[]): string[] {
  const sum = indicators.filter((i) => i.parentCode === null && i.kind === 'scored').reduce((s, i) => s + (i.score ?? 0), 0);
  return totals
    .filter((t): t is number => t !== null && Math.abs(t - sum) > 1e-6)
    .map((t) => `表中“合计”为 ${t} 分，但各项指标合计 ${Math.round(sum * 1000) / 1000} 分，请核对`);
}
