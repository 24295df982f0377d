import { Alert, Button, Collapse, Typography } from 'antd';
import type { ExportLeftOut } from '../../../shared/domain';

export type JumpTarget = { indicatorId: number } | { materialId: number };

interface Props {
  leftOut: ExportLeftOut;
  onJump: (target: JumpTarget) => void;
}

const listStyle = { margin: 0, paddingLeft: 20, maxHeight: 160, overflow: 'auto' } as const;

/**
 * Before an export: what will not be in it, or stand as a placeholder page, each entry a link to
 * the material or indicator where the clerk can fix it.
 */
export function LeftOutSummary({ leftOut, onJump }: Props) {
  const { unfiled, gaps, placeholders } = leftOut;
  if (unfiled.length + gaps.length + placeholders.length === 0) {
    return <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="leftout-none" title="所有材料都将编入，没有缺项，也没有以说明页代替的材料" />;
  }
  const link = (target: JumpTarget, text: string, testId: string) => (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onJump(target)} data-testid={testId}>
      {text}
    </Button>
  );
  const omittedGaps = gaps.filter((g) => !g.shown).length;
  const items = [
    unfiled.length > 0 && {
      key: 'unfiled',
      label: `${unfiled.length} 份材料不会编入（未归入所选指标）`,
      children: (
        <ul style={listStyle} data-testid="leftout-unfiled">
          {unfiled.map((m) => (
            <li key={m.materialId}>
              {link({ materialId: m.materialId }, m.title, `leftout-material-${m.materialId}`)}
              <Typography.Text type="secondary">：{m.reason}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
    gaps.length > 0 && {
      key: 'gaps',
      label: `${gaps.length} 项指标暂无材料（缺项）${omittedGaps ? `，${omittedGaps} 项不编入迎检资料` : '，编入时注明未提交'}`,
      children: (
        <ul style={listStyle} data-testid="leftout-gaps">
          {gaps.map((g) => (
            <li key={g.indicatorId}>
              {link({ indicatorId: g.indicatorId }, `${g.code} ${g.title}`, `leftout-indicator-${g.code}`)}
              <Typography.Text type="secondary">：{g.shown ? '编入，注明“本项未提交材料”' : '不编入'}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
    placeholders.length > 0 && {
      key: 'placeholders',
      label: `${placeholders.length} 份材料将以说明页代替内容`,
      children: (
        <ul style={listStyle} data-testid="leftout-placeholders">
          {placeholders.map((m) => (
            <li key={m.materialId}>
              {link({ materialId: m.materialId }, m.title, `leftout-material-${m.materialId}`)}
              <Typography.Text type="secondary">：{m.reason}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
  ].filter((x): x is { key: string; label: string; children: React.JSX.Element } => Boolean(x));
  return (
    <div style={{ marginTop: 12 }} data-testid="leftout-summary">
      <Typography.Text strong>导出前请确认：</Typography.Text>
      <Collapse size="small" style={{ marginTop: 6 }} items={items} />
    </div>
  );
}
