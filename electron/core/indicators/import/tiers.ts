import type { Layout } from './layout';
import type { ClassifiedRow } from './rows';
import { squash } from './text';

/** fresh: a new node starts here · inherited: blank/merged/repeated, same as above · absent: blank under a new parent · off: not a level in this row. */
export type TierState = 'fresh' | 'inherited' | 'absent' | 'off';

export interface TierPlan {
  /** Columns that may name a level, shallow to deep. */
  cols: number[];
  /** Whether column `cols[i]` is a level in this row (content/standard only are in some groups). */
  active(row: number, i: number): boolean;
  /** Per data row, the state of each tier. */
  states: Map<number, TierState[]>;
}

export interface TierInput {
  classified: readonly ClassifiedRow[];
  layout: Layout;
  text(row: number, col: number): string;
}

/**
 * Which columns name levels. The level columns always do. 测评内容 becomes the level below them as
 * soon as one row brings new content under an unchanged deepest level (a merged 二级指标 over one
 * row per item): content is what clerks call the lowest level, so then it is a level everywhere.
 * 测评标准 is usually a property of its item, so it becomes a level only in the groups of rows where
 * one item has several standards — unless most groups are like that.
 */
export function planTiers(input: TierInput): TierPlan {
  const cols = [...input.layout.tiers];
  const promotedRows: (Set<number> | null)[] = cols.map(() => null);
  const active = (row: number, i: number) => {
    const rows = promotedRows[i];
    return rows === null || rows === undefined || rows.has(row);
  };
  for (const candidate of input.layout.promotable) {
    const trialCols = [...cols, candidate];
    const states = tierStates(input, trialCols, (row, i) => i === cols.length || active(row, i));
    const groups = groupRows(input, states, cols.length);
    const multi = groups.filter((g) => g.finer);
    if (multi.length === 0) break;
    const everywhere = input.layout.content.includes(candidate) || multi.length * 2 >= groups.length;
    cols.push(candidate);
    promotedRows.push(everywhere ? null : new Set(multi.flatMap((g) => g.rows)));
  }
  return { cols, active, states: tierStates(input, cols, active) };
}

interface Group {
  rows: number[];
  /** A later row of the group brings a new value in the candidate column. */
  finer: boolean;
}

/** Runs of rows under one deepest node: a row with a new node starts a run, rows with nothing new continue it. */
function groupRows(input: TierInput, states: Map<number, TierState[]>, candidate: number): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  for (const { row, kind } of input.classified) {
    if (kind === 'spanning') {
      current = null;
      continue;
    }
    const s = states.get(row);
    if (kind !== 'data' || !s) continue;
    if (s.slice(0, candidate).some((x) => x === 'fresh')) {
      current = { rows: [row], finer: false };
      groups.push(current);
    } else if (current) {
      current.rows.push(row);
      if (s[candidate] === 'fresh') current.finer = true;
    } else if (s[candidate] === 'fresh') {
      // New text right under a category row: only as a level can it be placed.
      current = { rows: [row], finer: true };
      groups.push(current);
    }
  }
  return groups;
}

function tierStates(input: TierInput, cols: readonly number[], active: (row: number, i: number) => boolean): Map<number, TierState[]> {
  const out = new Map<number, TierState[]>();
  let last: (string | undefined)[] = cols.map(() => undefined);
  for (const { row, kind } of input.classified) {
    if (kind === 'spanning') {
      last = cols.map(() => undefined);
      continue;
    }
    if (kind !== 'data') continue;
    let higherFresh = false;
    const states = cols.map((col, i): TierState => {
      if (!active(row, i)) return 'off';
      const text = squash(input.text(row, col));
      if (!text) return higherFresh ? 'absent' : 'inherited';
      // A value typed again (or repeated by a merged cell) under the same parent is the same node.
      if (!higherFresh && last[i] === text) return 'inherited';
      higherFresh = true;
      last[i] = text;
      for (let j = i + 1; j < last.length; j++) last[j] = undefined;
      return 'fresh';
    });
    out.set(row, states);
  }
  return out;
}
