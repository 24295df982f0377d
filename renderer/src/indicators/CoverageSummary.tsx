import { Button, Popover, Progress, Typography } from 'antd';
import type { CoverageRow } from '../../../shared/domain';
import { MissingList } from './MissingList';

interface Props {
  rows: CoverageRow[];
  /** Jump to an indicator from the 缺项 list. */
  onJump?: (indicatorId: number) => void;
}

/** Whole-dossier coverage: leaves with material, and the share of the score they carry; 缺 N 项 lists them. */
export function CoverageSummary({ rows, onJump }: Props) {
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
          {missing > 0 && (
            <Popover
              trigger="click"
              placement="rightTop"
              title={`缺少材料的 ${missing} 项指标`}
              content={<MissingList rows={rows} onJump={onJump} />}
            >
              <Button type="link" danger size="small" style={{ padding: 0, fontSize: 12, height: 'auto' }} data-testid="missing-count">
                ，缺 {missing} 项
              </Button>
            </Popover>
          )}
        </Typography.Text>
      </div>
      <Progress percent={percent} size="small" status={percent === 100 ? 'success' : 'normal'} />
    </div>
  );
}
