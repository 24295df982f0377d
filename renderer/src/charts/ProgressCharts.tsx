import { Col, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { ProgressReport, UnitProgress } from '../../../shared/domain';
import { progressTrendChart, unitProgressChart } from './chartOptions';

const EChart = lazy(() => import('./EChart'));

/** 报送进度 as charts: each unit's items (with material, 缺项, 逾期) and the trend of the kept reports. */
export function ProgressCharts({ units, reports }: { units: UnitProgress[]; reports: ProgressReport[] }) {
  const perUnit = useMemo(() => unitProgressChart(units), [units]);
  const trend = useMemo(() => progressTrendChart(reports), [reports]);
  const fallback = <Skeleton active paragraph={{ rows: 3 }} />;
  if (!perUnit && !trend) return null;
  return (
    <Row gutter={16} style={{ marginTop: 16 }} data-testid="progress-charts">
      {perUnit && (
        <Col span={trend ? 14 : 24}>
          <Typography.Text strong>各单位指标完成情况</Typography.Text>
          <Suspense fallback={fallback}>
            <EChart option={perUnit} testId="chart-units" />
          </Suspense>
        </Col>
      )}
      {trend && (
        <Col span={perUnit ? 10 : 24}>
          <Typography.Text strong>历次汇报走势</Typography.Text>
          <Suspense fallback={fallback}>
            <EChart option={trend} testId="chart-trend" />
          </Suspense>
        </Col>
      )}
    </Row>
  );
}
