import { Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import type { Indicator } from '../../../shared/domain';
import { buildIndicatorTree, indicatorLabel, type IndicatorNode } from '../indicators/indicatorTree';

interface Props {
  indicators: Indicator[];
  /** null: every indicator. */
  value: number[] | null;
  onChange: (ids: number[] | null) => void;
}

function toData(nodes: IndicatorNode[]): DataNode[] {
  return nodes.map((n) => ({
    key: n.indicator.id,
    title: <span data-testid={`packet-indicator-${n.indicator.code}`}>{indicatorLabel(n.indicator)}</span>,
    children: toData(n.children),
  }));
}

/**
 * Which indicators go in. Ticking a category ticks everything below; a partly ticked category
 * is kept too (as the heading its chosen children sit under). All ticked is saved as “all”, so
 * indicators added to the system later are included.
 */
export function IndicatorPicker({ indicators, value, onChange }: Props) {
  const data = useMemo(() => toData(buildIndicatorTree(indicators)), [indicators]);
  const leaves = useMemo(() => indicators.filter((i) => !indicators.some((j) => j.parentId === i.id)), [indicators]);
  const checked = value === null ? indicators.map((i) => i.id) : value.filter((id) => leaves.some((l) => l.id === id));
  return (
    <div style={{ maxHeight: 320, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
      <Tree
        checkable
        selectable={false}
        defaultExpandAll
        treeData={data}
        checkedKeys={checked}
        onCheck={(keys, info) => {
          const full = (Array.isArray(keys) ? keys : keys.checked).map(Number);
          const half = (info.halfCheckedKeys ?? []).map(Number);
          const ids = [...new Set([...full, ...half])];
          onChange(ids.length === indicators.length ? null : ids);
        }}
      />
    </div>
  );
}
