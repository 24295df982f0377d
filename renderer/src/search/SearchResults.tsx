import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { Indicator } from '../../../shared/domain';
import { MaterialList } from '../materials/MaterialList';
import { useSearch } from './useSearch';

interface Props {
  dossierId: number;
  query: string;
  indicators: Map<number, Indicator>;
  refreshKey: number;
  onClose: () => void;
}

/** Search results as a material list with the query marked in every title. */
export function SearchResults({ dossierId, query, indicators, refreshKey, onClose }: Props) {
  const results = useSearch(dossierId, query, refreshKey);
  const count = results.data?.length ?? 0;
  return (
    <Card
      data-testid="search-results"
      title={
        <Space>
          <span>搜索“{query}”</span>
          {!results.loading && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              找到 {count} 份材料{count >= 500 ? '（只显示前 500 份，请输入更具体的词）' : ''}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
          返回
        </Button>
      }
    >
      <MaterialList
        materials={results.data ?? []}
        loading={results.loading}
        indicators={indicators}
        highlight={query}
        emptyText={`没有找到包含“${query}”的材料`}
      />
    </Card>
  );
}
