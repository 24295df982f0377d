import { Tag } from 'antd';
import type { IndicatorKind } from '../../../shared/domain';

/** 否决项 / 加分项 marker; scored items need none. */
export function IndicatorKindTag({ kind }: { kind: IndicatorKind }) {
  if (kind === 'veto') return <Tag color="volcano">否决项</Tag>;
  if (kind === 'bonus') return <Tag color="gold">加分项</Tag>;
  return null;
}
