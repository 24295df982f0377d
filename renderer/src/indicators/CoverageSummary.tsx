import { Progress, Typography } from 'antd';
import type { CoverageRow } from '../../../shared/domain';

/** Whole-dossier coverage: leaves with material, and the share of the score they carry. */
export function CoverageSummary({ rows }: { rows: CoverageRow[] }) {
  const roots = rows.filter((r) => r.depth === Math.min(...rows.map((x) => x.depth)));
  const covered = roots.reduce((s, r) => s + r.coveredLeaves, 0);
  const total = roots.reduce((s, r) => s + r.totalLeaves, 0);
  const missing = total - covered;
  const percent = total ? Math.round((covered / total) * 100) : 0;
  return (
    <div data-testid="coverage-summary" style={{ padding: '12px 16px 8px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography.Text strong>材料覆盖</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {covered}/{total} 项指标已有材料
          {missing > 0 && <Typography.Text type="danger">，缺 {missing} 项</Typography.Text>}
        </Typography.Text>
      </div>
      <Progress percent={percent} size="small" status={percent === 100 ? 'success' : 'normal'} />
    </div>
  );
}
