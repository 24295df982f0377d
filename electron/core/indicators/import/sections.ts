import type { ImportSection } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import type { DraftNode } from './draft';
import { findHeader, headerRolesKey, isIndicatorHeader, type HeaderInfo } from './header';
import { numberingCellStyle } from './numbering';
import { treeOfTable } from './oneTable';
import { kindMark } from './score';
import { linesSections } from './sectionLines';
import { absorb, addItem, contextKind, startSection } from './sectionParts';
import type { RawTable } from './table';
import { filledCells, fold, isBlankRow, oneLine } from './text';

export interface Sections {
  roots: DraftNode[];
  warnings: string[];
  sections: ImportSection[];
}

/**
 * What stands apart from the main table: 否决项 and 加分项 in another Word table, another sheet or a
 * numbered list after the table (each a top-level category of its kind), and sheets with the main
 * table's very columns (one sheet per 一级指标). Tables that look like another 测评体系 of their own
 * (other columns, or the same categories again) are not merged, only named in a warning.
 */
export function readSections(
  tables: readonly RawTable[],
  used: ReadonlySet<number>,
  fileLabel: string,
  skip: readonly number[],
  main: { header: HeaderInfo; roots: readonly DraftNode[] },
): Sections {
  const out: Sections = { roots: [], warnings: [], sections: [] };
  const mainKey = headerRolesKey(main.header);
  // Another version of the same system (2023版 beside 2024版) repeats its categories: not merged.
  const mainTitles = new Set(main.roots.map((r) => r.title));
  tables.forEach((table, index) => {
    if (used.has(index) || table.rows.every(isBlankRow)) return;
    const same = table.text ? null : sameColumns(table, mainKey, fileLabel);
    if (same && same.length > 0 && !same.some((r) => mainTitles.has(r.title))) {
      const skipped = skip.includes(index);
      const count = same.reduce((n, root) => n + Math.max(1, countItems(root)), 0);
      out.sections.push({ table: index, label: table.label, kind: 'scored', title: labelText(table) || table.label, count, skipped });
      if (!skipped) out.roots.push(...same);
      return;
    }
    // A second version of the system (same columns, same categories) is only named in a warning below.
    const found = table.text ? linesSections(table) : same ? [] : tableSection(table, fileLabel);
    if (found.length === 0) {
      const header = table.text ? null : findHeader(table.rows);
      if (header && isIndicatorHeader(header)) {
        out.warnings.push(`${table.label}也像一份测评体系，本次没有导入它；如需导入，请在“列的对应”中选择它，或把它单独存成一个文件`);
      }
      return;
    }
    const skipped = skip.includes(index);
    for (const section of found) {
      out.sections.push({ table: index, label: table.label, kind: section.mark ?? 'veto', title: section.title, count: countItems(section), skipped });
      if (!skipped) out.roots.push(section);
    }
  });
  return out;
}

/**
 * A sheet (or table) with the very columns of the main one — one sheet per 一级指标 — is more of
 * the same system: its rows are read as the main table's are. Null when it has other columns.
 */
function sameColumns(table: RawTable, mainKey: string, fileLabel: string): DraftNode[] | null {
  const header = findHeader(table.rows);
  if (!header || headerRolesKey(header) !== mainKey) return null;
  try {
    return treeOfTable(table, header, fileLabel).roots;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return null;
  }
}

function countItems(node: DraftNode): number {
  let n = 0;
  const stack = [...node.children];
  for (let c = stack.pop(); c; c = stack.pop()) {
    if (c.children.length === 0) n++;
    stack.push(...c.children);
  }
  return n;
}


/** The sheet name inside “工作表“否决项””, or the label itself. */
function labelText(table: RawTable): string {
  return /“(.*)”/.exec(table.label)?.[1] ?? '';
}

/** A whole table (or sheet) of 否决/加分 items: with a header it is read like the main table, else row by row. */
function tableSection(table: RawTable, fileLabel: string): DraftNode[] {
  const context = [...table.preamble.slice(-2), labelText(table)];
  const firstRow = table.rows.find((r) => !isBlankRow(r)) ?? [];
  const kind = [...context, ...filledCells(firstRow).map((c) => c.text)].map(contextKind).find((k) => k !== null) ?? null;
  const header = findHeader(table.rows);
  // A sheet of notes (说明) may still hold a list introduced by “有下列情形之一的，实行一票否决：”.
  if (kind === null) return header ? [] : linesSections(table);
  const category = startSection(kind);
  for (const line of context) absorb(category, line, kind);
  if (header) {
    try {
      const tree = treeOfTable(table, header, fileLabel);
      // A sheet whose only top row already is “加分项” needs no second category around it.
      if (tree.roots.length === 1 && kindMark(tree.roots[0].title) === kind) return [tree.roots[0]];
      category.children.push(...tree.roots);
      return category.children.length > 0 ? [category] : [];
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // No rows under what looked like a header: read it as a list.
    }
  }
  for (const row of table.rows) {
    const cells = filledCells(row).map((c) => c.text);
    if (cells.length === 0) continue;
    const serial = cells.length > 1 && numberingCellStyle(cells[0]) !== null && cells[0].length <= 6 ? cells[0] : '';
    const text = oneLine(cells.slice(serial ? 1 : 0).reduce((a, b) => (b.length > a.length ? b : a), ''));
    if (isColumnNames(cells)) continue;
    if (!serial && category.children.length === 0 && absorb(category, text, kind)) continue;
    addItem(category, text, serial);
  }
  return category.children.length > 0 ? [category] : [];
}

/** “序号 | 否决情形”: short labels, no item text. */
function isColumnNames(cells: readonly string[]): boolean {
  return cells.every((c) => c.length <= 8) && cells.some((c) => /序号|编号|内容|情形|事项|名称|项目|分值|条件/.test(fold(c)));
}






