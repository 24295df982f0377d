import type { Indicator } from '../../../shared/domain';
import { buildIndicatorTree, indicatorLabel, type IndicatorNode } from './indicatorTree';

/** The choice “顶级（作为大类）” in a tree picker: no parent. */
export const TOP_LEVEL = 0;

export interface TreeSelectNode {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

/** The tree as TreeSelect data; `excluded` ids (and all below them) cannot be picked. */
export function indicatorTreeSelectData(indicators: Indicator[], excluded: Set<number> = new Set()): TreeSelectNode[] {
  const map = (nodes: IndicatorNode[], blocked: boolean): TreeSelectNode[] =>
    nodes.map((n) => {
      const off = blocked || excluded.has(n.indicator.id);
      return {
        value: n.indicator.id,
        title: indicatorLabel(n.indicator),
        disabled: off,
        children: n.children.length ? map(n.children, off) : undefined,
      };
    });
  return map(buildIndicatorTree(indicators), false);
}
