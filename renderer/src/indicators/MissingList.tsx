import { Typography } from 'antd';
import type { CoverageRow } from '../../../shared/domain';

/** The leaves still without material, in tree order; each one a link to its indicator. */
export function MissingList({ rows, onJump }: { rows: CoverageRow[]; onJump?: (indicatorId: number) => void }) {
  const missing = rows.filter((r) => r.isLeaf && r.missing);
  return (
    <div data-testid="missing-list" style={{ maxHeight: 420, width: 360, overflow: 'auto' }}>
      {missing.map((r) => (
        <div key={r.indicatorId} style={{ padding: '2px 0' }}>
          <Typography.Link onClick={() => onJump?.(r.indicatorId)} data-testid={`missing-${r.code}`}>
            <Typography.Text type="secondary" style={{ marginRight: 6 }}>
              {r.code}
            </Typography.Text>
            {r.title}
          </Typography.Link>
        </div>
      ))}
    </div>
  );
}
