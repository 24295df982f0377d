import type { Layout } from './layout';
import type { StructureInput } from './tableToTree';
import type { TierPlan } from './tiers';

/**
 * Which level a 序号 column numbers: the level column just right of it (序号 | 测评项目 | 测评内容,
 * numbered once per 测评项目) unless it is also filled on rows where that level carries on —
 * then it numbers rows, i.e. the items. Null means the items.
 */
export function numberedTier(input: StructureInput, plan: TierPlan): number | null {
  const serialCol = input.layout.numbering;
  if (serialCol === null) return null;
  const tier = plan.cols.findIndex((c) => c > serialCol);
  if (tier < 0 || tier === plan.cols.length - 1) return null;
  for (const { row, kind } of input.classified) {
    if (kind !== 'data' || !input.cells.raw(row, serialCol)) continue;
    if (plan.states.get(row)?.[tier] !== 'fresh') return null;
  }
  return tier;
}

/** With several score columns, each belongs to the level column nearest on its left. Empty with one. */
export function scoreColumnsByTier(layout: Layout, tiers: readonly number[]): Map<number, number> {
  const owners = new Map<number, number>();
  if (layout.scores.length < 2) return owners;
  for (const scoreCol of layout.scores) {
    let owner = -1;
    tiers.forEach((col, i) => {
      if (col < scoreCol && (owner < 0 || col > tiers[owner])) owner = i;
    });
    if (owner >= 0 && !owners.has(owner)) owners.set(owner, scoreCol);
  }
  return owners;
}

