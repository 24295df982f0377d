import { isHeaderRow, type HeaderInfo } from './header';
import { contextKind } from './sections';
import type { RawTable } from './table';
import { filledCells, isBlankRow, squash } from './text';

/**
 * A 否决项 or 加分项 block below the scored table in the same sheet, with column names of its own
 * (“一票否决项” over “序号 | 否决内容”): the table is cut above its title row and the block read
 * as a section. Blocks without such a title stay part of the table.
 */
export function splitTrailingBlock(table: RawTable, header: HeaderInfo): { table: RawTable; block: RawTable | null } {
  const headerKey = table.rows[header.row].map(squash).join('|');
  for (let r = header.row + header.height + 1; r < table.rows.length; r++) {
    const row = table.rows[r];
    if (!isHeaderRow(row) || row.map(squash).join('|') === headerKey) continue;
    let start = r;
    const titles: string[] = [];
    for (let t = r - 1; t > header.row + header.height - 1; t--) {
      const cells = [...new Set(filledCells(table.rows[t]).map((c) => c.text))];
      if (cells.length === 0) continue;
      if (cells.length !== 1) break;
      titles.unshift(cells[0]);
      start = t;
      break;
    }
    if (!titles.some((t) => contextKind(t) !== null)) continue;
    while (start > 0 && isBlankRow(table.rows[start - 1])) start--;
    const merges = table.merges.filter((m) => m.top >= r).map((m) => ({ ...m, top: m.top - r, bottom: m.bottom - r }));
    return {
      table: { ...table, rows: table.rows.slice(0, start), merges: table.merges.filter((m) => m.bottom < start) },
      block: { label: `${table.label}第 ${r} 行起`, rows: table.rows.slice(r), merges, preamble: titles },
    };
  }
  return { table, block: null };
}
