import { Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { CoverageRow, Indicator } from '../../../shared/domain';
import { buildIndicatorTree, type IndicatorNode } from './indicatorTree';
import { IndicatorNodeTitle } from './IndicatorNodeTitle';

interface Props {
  indicators: Indicator[];
  coverage: Map<number, CoverageRow>;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

function toTreeData(nodes: IndicatorNode[], coverage: Map<number, CoverageRow>): TreeDataNode[] {
  return nodes.map((node) => {
    const isLeaf = node.children.length === 0;
    return {
      key: String(node.indicator.id),
      isLeaf,
      title: <IndicatorNodeTitle indicator={node.indicator} coverage={coverage.get(node.indicator.id)} isLeaf={isLeaf} />,
      children: isLeaf ? undefined : toTreeData(node.children, coverage),
    };
  });
}

/** The 测评体系 as a tree; every node shows its coverage, leaves without material say 缺项. */
export function IndicatorTree({ indicators, coverage, selectedId, onSelect }: Props) {
  const roots = useMemo(() => buildIndicatorTree(indicators), [indicators]);
  const treeData = useMemo(() => toTreeData(roots, coverage), [roots, coverage]);
  const allKeys = useMemo(() => indicators.map((i) => String(i.id)), [indicators]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const expandedKeys = useMemo(() => allKeys.filter((k) => !collapsed.has(k)), [allKeys, collapsed]);

  return (
    <Tree
      data-testid="indicator-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={treeData}
      expandedKeys={expandedKeys}
      onExpand={(keys) => {
        const open = new Set(keys.map(String));
        setCollapsed(new Set(allKeys.filter((k) => !open.has(k))));
      }}
      selectedKeys={selectedId === null ? [] : [String(selectedId)]}
      onSelect={(keys, info) => {
        // Clicking the selected node again keeps it selected.
        onSelect(Number(keys[0] ?? info.node.key));
      }}
      virtual={indicators.length > 300}
      height={indicators.length > 300 ? 640 : undefined}
    />
  );
}
