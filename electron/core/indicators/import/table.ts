/** A rectangle of merged cells, 0-based and inclusive, in the table's own row/column numbers. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * What every reader produces: the cell text of one sheet or Word table, row by row.
 * Cells covered by a merge (other than its top-left master) are '' here, whatever the
 * file stored; `merges` says which blanks mean “same as the merged cell”.
 */
export interface RawTable {
  /** Sheet name or “表格 2”, for messages. */
  label: string;
  rows: string[][];
  merges: MergeRange[];
  /** Text just above the table that is not part of it (Word headings), nearest last. */
  preamble: string[];
  /** Word tables: a following table of the same width continues this one (split over pages). */
  continuable?: boolean;
  /** Paragraphs of a Word document after a table (one per row): read only for 否决项/加分项 lists. */
  text?: boolean;
}

/** Blank out merged slave cells so readers that repeat master values behave like those that don't. */
export function blankMergedSlaves(rows: string[][], merges: readonly MergeRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && c < row.length) row[c] = '';
      }
    }
  }
}

/**
 * Merges cut to the table's own rows and columns (a file may claim A1:XFD1048576), empty ones
 * dropped, with the number of cells they cover.
 */
export function clipMerges(merges: readonly MergeRange[], rows: number, width: number): { merges: MergeRange[]; cells: number } {
  const out: MergeRange[] = [];
  let cells = 0;
  for (const m of merges) {
    const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, rows - 1), right: Math.min(m.right, width - 1) };
    if (clipped.bottom < clipped.top || clipped.right < clipped.left) continue;
    cells += (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
    out.push(clipped);
  }
  return { merges: out, cells };
}
