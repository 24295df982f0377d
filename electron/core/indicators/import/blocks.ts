import { isHeaderRow, type HeaderInfo } from './header';
import { contextKind } from './sectionParts';
import type { RawTable } from './table';
import { filledCells, isBlankRow, squash } from './text';

/**
 * A 否决项 or 加分项 block below the scored table in the same sheet, with column names of its own
 * (“一票否决项” over “序号 | 否决内容”): the table is cut above its title row and the block read
 * as a section. Blocks without such a title stay part of the table.
 */
export function splitTrailingBlock(table: RawTable, header: HeaderInfo): { table: RawTable; block: RawTable | null } {
  const headerKey = table.rows[header.row].map(squash).join('|');
  for (let t = header.row + header.height; t < table.rows.length; t++) {
    // Only a row with one text naming 否决/加分 can head such a block: the cheap test first.
    const cells = filledCells(table.rows[t]);
    if (cells.length === 0 || cells.some((c) => c.text !== cells[0].text) || contextKind(cells[0].text) === null) continue;
    let r = t + 1;
    while (r < table.rows.length && isBlankRow(table.rows[r])) r++;
    const row = table.rows[r];
    if (!row || !isHeaderRow(row) || row.map(squash).join('|') === headerKey) continue;
    let start = t;
    while (start > 0 && isBlankRow(table.rows[start - 1])) start--;
    const merges = table.merges.filter((m) => m.top >= r).map((m) => ({ ...m, top: m.top - r, bottom: m.bottom - r }));
    return {
      table: { ...table, rows: table.rows.slice(0, start), merges: table.merges.filter((m) => m.bottom < start) },
      block: { label: `${table.label}第 ${r} 行起`, rows: table.rows.slice(r), merges, preamble: [cells[0].text] },
    };
  }
  return { table, block: null };
}
