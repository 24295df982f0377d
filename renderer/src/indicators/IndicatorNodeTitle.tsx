import { Tag, Tooltip } from 'antd';
import type { CoverageRow, Indicator } from '../../../shared/domain';
import { Muted } from '../common/Muted';
import { IndicatorKindTag } from './IndicatorKindTag';

/** Percent of the score below that is covered by materials; null when nothing below carries a score. */
export function scoreShare(row: CoverageRow): number | null {
  return row.totalScore > 0 ? Math.round((row.coveredScore / row.totalScore) * 100) : null;
}

interface Props {
  indicator: Indicator;
  coverage: CoverageRow | undefined;
  isLeaf: boolean;
}

/** One line of the tree: code, title, kind, and how well it is covered. */
export function IndicatorNodeTitle({ indicator, coverage, isLeaf }: Props) {
  let status = null;
  if (coverage && isLeaf) {
    status = coverage.missing ? (
      <Tag color="red" variant="solid" data-testid="missing-tag">
        缺项
      </Tag>
    ) : (
      <Tooltip title="已归集的材料数">
        <Tag color="green">{coverage.materialCount} 份</Tag>
      </Tooltip>
    );
  } else if (coverage) {
    const complete = coverage.coveredLeaves === coverage.totalLeaves;
    const share = scoreShare(coverage);
    status = (
      <Tooltip title="已有材料的指标 / 指标总数；已覆盖的分值占比">
        <Muted
          tone={complete ? 'success' : 'secondary'}
          style={{ fontSize: 12, whiteSpace: 'nowrap' }}
          data-testid={`coverage-${indicator.code}`}
        >
          {coverage.coveredLeaves}/{coverage.totalLeaves}
          {share !== null && ` · ${share}%`}
        </Muted>
      </Tooltip>
    );
  }
  return (
    <span
      data-testid={`indicator-node-${indicator.code}`}
      style={{ display: 'flex', alignItems: 'flex-start', gap: 6, justifyContent: 'space-between' }}
    >
      <span style={{ minWidth: 0 }}>
        <Muted style={{ marginRight: 6 }}>{indicator.code}</Muted>
        <span style={{ fontWeight: isLeaf ? 400 : 600 }}>{indicator.title}</span>
        {!isLeaf && indicator.score !== null && (
          <Muted style={{ marginLeft: 4, fontSize: 12 }}>{indicator.score}分</Muted>
        )}
        {indicator.kind !== 'scored' && !/否决|加分/.test(indicator.title) && (
          <span style={{ marginLeft: 6 }}>
            <IndicatorKindTag kind={indicator.kind} />
          </span>
        )}
      </span>
      <span style={{ flex: 'none' }}>{status}</span>
    </span>
  );
}
