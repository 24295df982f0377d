import { Alert, Descriptions, Tag, Tree, type TreeDataNode } from 'antd';
import type { ImportPreview, PreviewIndicator } from '../../../shared/domain';
import { IndicatorKindTag } from '../indicators/IndicatorKindTag';

const LEVEL_NAMES = ['一级', '二级', '三级', '四级', '五级', '六级'];

function toTree(items: PreviewIndicator[]): TreeDataNode[] {
  const nodes = new Map<string, TreeDataNode & { children: TreeDataNode[] }>();
  const roots: TreeDataNode[] = [];
  for (const i of items) {
    const node = {
      key: i.code,
      children: [],
      title: (
        <span data-testid={`preview-node-${i.code}`}>
          <span style={{ color: '#888', marginRight: 6 }}>{i.code}</span>
          {i.title}
          {i.score !== null && <span style={{ color: '#888', marginLeft: 4 }}>{i.score}分</span>}
          <span style={{ marginLeft: 4 }}>
            <IndicatorKindTag kind={i.kind} />
          </span>
          {i.responsibleUnit && (
            <Tag style={{ marginLeft: 6 }} color="default">
              {i.responsibleUnit}
            </Tag>
          )}
        </span>
      ),
    };
    nodes.set(i.code, node);
    const parent = i.parentCode === null ? undefined : nodes.get(i.parentCode);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Counts and score totals per level, warnings, and the tree the import would create. */
export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="preview-levels"
        items={preview.levels.map((l) => ({
          key: l.depth,
          label: `${LEVEL_NAMES[l.depth - 1] ?? `${l.depth}级`}指标`,
          children: (
            <span>
              {l.count} 项，分值合计 {l.scoreTotal} 分
              {l.bonusTotal > 0 && <Tag style={{ marginLeft: 8 }}>加分 {l.bonusTotal} 分</Tag>}
              {l.vetoCount > 0 && <Tag style={{ marginLeft: 8 }}>否决项 {l.vetoCount} 项</Tag>}
            </span>
          ),
        }))}
      />
      {preview.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="preview-warnings"
          title={`请核对 ${preview.warnings.length} 处提示`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <div style={{ marginTop: 12, border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }} data-testid="preview-tree">
        <Tree treeData={toTree(preview.indicators)} defaultExpandAll showLine={{ showLeafIcon: false }} height={320} virtual />
      </div>
    </>
  );
}
