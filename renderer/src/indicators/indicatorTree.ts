import type { Indicator } from '../../../shared/domain';

export interface IndicatorNode {
  indicator: Indicator;
  children: IndicatorNode[];
}

/** Indicators (flat, any order) → roots in position order. Orphans become roots. */
export function buildIndicatorTree(indicators: Indicator[]): IndicatorNode[] {
  const nodes = new Map<number, IndicatorNode>();
  for (const indicator of indicators) nodes.set(indicator.id, { indicator, children: [] });
  const roots: IndicatorNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.indicator.parentId === null ? undefined : nodes.get(node.indicator.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: IndicatorNode[]) => {
    list.sort((a, b) => a.indicator.position - b.indicator.position);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The display label of an indicator: code (or printed numbering) and title. */
export function indicatorLabel(indicator: Pick<Indicator, 'code' | 'title'>): string {
  return `${indicator.code} ${indicator.title}`;
}

/** The indicator and every indicator below it; null when it has no children (a leaf). */
export function subtreeIds(indicators: Indicator[], rootId: number): Set<number> | null {
  const children = new Map<number, number[]>();
  for (const i of indicators) {
    if (i.parentId === null) continue;
    const list = children.get(i.parentId) ?? [];
    list.push(i.id);
    children.set(i.parentId, list);
  }
  if (!children.has(rootId)) return null;
  const ids = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** The indicators `keep` picks, with their ancestors so the tree keeps its shape. */
export function withAncestors(indicators: Indicator[], keep: (indicator: Indicator) => boolean): Indicator[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const kept = new Set<number>();
  for (const i of indicators) {
    if (!keep(i)) continue;
    for (let at: Indicator | undefined = i; at && !kept.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      kept.add(at.id);
    }
  }
  return indicators.filter((i) => kept.has(i.id));
}
