import { AppstoreOutlined } from '@ant-design/icons';
import { Empty, Menu, Skeleton } from 'antd';
import type { CoverageRow, Indicator } from '../../../shared/domain';
import { CoverageSummary } from './CoverageSummary';
import { IndicatorTree } from './IndicatorTree';

interface Props {
  indicators: Indicator[] | undefined;
  coverage: Map<number, CoverageRow>;
  coverageRows: CoverageRow[];
  selectedId: number | null;
  onSelect: (id: number | null) => void;
}

/** Left side: overall coverage, the 全部材料 entry, and the indicator tree. */
export function IndicatorSidebar({ indicators, coverage, coverageRows, selectedId, onSelect }: Props) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <CoverageSummary rows={coverageRows} />
      <Menu
        mode="inline"
        selectedKeys={selectedId === null ? ['all'] : []}
        onClick={() => onSelect(null)}
        style={{ borderInlineEnd: 'none' }}
        items={[{ key: 'all', icon: <AppstoreOutlined />, label: <span data-testid="all-materials">全部材料</span> }]}
      />
      <div style={{ flex: 1, overflow: 'auto', padding: '4px 8px 16px' }}>
        {indicators === undefined ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : indicators.length === 0 ? (
          <Empty description="测评体系中没有指标" />
        ) : (
          <IndicatorTree indicators={indicators} coverage={coverage} selectedId={selectedId} onSelect={onSelect} />
        )}
      </div>
    </div>
  );
}
