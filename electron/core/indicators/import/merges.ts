import type { MergeRange } from './table';

/** Which merge, if any, covers a cell, so a blank can be read as “same as the merged cell”. */
export class MergeIndex {
  private readonly byCell = new Map<string, MergeRange>();

  constructor(readonly ranges: readonly MergeRange[]) {
    for (const m of ranges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.byCell.set(`${r},${c}`, m);
      }
    }
  }

  at(row: number, col: number): MergeRange | undefined {
    return this.byCell.get(`${row},${col}`);
  }

  /** The merge a cell is a lower part of (not the top row), if any. */
  verticalSlave(row: number, col: number): MergeRange | undefined {
    const m = this.at(row, col);
    return m && m.top < row ? m : undefined;
  }

  /** Columns the cell spans to the right, 1 when not merged across. */
  width(row: number, col: number): number {
    const m = this.at(row, col);
    return m && m.top === row && m.left === col ? m.right - m.left + 1 : 1;
  }
}
