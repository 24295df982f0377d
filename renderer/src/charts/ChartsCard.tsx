import { Card, Empty, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { CoverageRow, SelfEvaluation } from '../../../shared/domain';
import { coverageChart, selfEvalChart } from './chartOptions';

// ECharts (about 400 kB) only once a chart is shown.
const EChart = lazy(() => import('./EChart'));

/** 材料覆盖 and 自评 per 一级指标, as bar charts. */
export function ChartsCard({ coverage, evaluation }: { coverage: CoverageRow[] | undefined; evaluation: SelfEvaluation }) {
  const cover = useMemo(() => (coverage ? coverageChart(coverage) : null), [coverage]);
  const score = useMemo(() => selfEvalChart(evaluation), [evaluation]);
  const fallback = <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <Card size="small" title="统计图表" style={{ marginBottom: 16 }} data-testid="charts-card">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <div>
          <Typography.Text strong>各一级指标材料覆盖</Typography.Text>
          {cover ? (
            <Suspense fallback={fallback}>
              <EChart option={cover} testId="chart-coverage" />
            </Suspense>
          ) : (
            <Empty description="测评体系中还没有指标" />
          )}
        </div>
        <div>
          <Typography.Text strong>{evaluation.byItems ? '各一级指标达标情况' : '各一级指标自评得分'}</Typography.Text>
          {score ? (
            <Suspense fallback={fallback}>
              <EChart option={score} testId="chart-selfeval" />
            </Suspense>
          ) : (
            <Empty description="没有计分的指标" />
          )}
        </div>
      </Space>
    </Card>
  );
}
