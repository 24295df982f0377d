import { Descriptions, Space, Tag, Typography } from 'antd';
import type { CoverageRow, Indicator } from '../../../shared/domain';
import { IndicatorKindTag } from './IndicatorKindTag';
import { scoreShare } from './IndicatorNodeTitle';

interface Props {
  indicator: Indicator;
  coverage: CoverageRow | undefined;
}

const text = (value: string) => (value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">—</Typography.Text>);

/** What the selected item asks for: code, title, content, standard, methods, score, 应备材料. */
export function IndicatorDetails({ indicator, coverage }: Props) {
  const score = indicator.score === null ? '—' : `${indicator.score} 分`;
  const isLeaf = coverage?.isLeaf ?? true;
  return (
    <div data-testid="indicator-details">
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 'inherit', fontWeight: 400, marginRight: 8 }}>
            {indicator.code}
          </Typography.Text>
          {indicator.title}
        </Typography.Title>
        <IndicatorKindTag kind={indicator.kind} />
        {coverage?.isLeaf && coverage.missing && <Tag color="red">缺项：尚无材料</Tag>}
        {coverage && !coverage.isLeaf && (
          <Tag color={coverage.coveredLeaves === coverage.totalLeaves ? 'green' : 'default'} data-testid="details-coverage">
            已覆盖 {coverage.coveredLeaves}/{coverage.totalLeaves} 项
            {coverage.totalScore > 0 && `，分值 ${coverage.coveredScore}/${coverage.totalScore} 分（${scoreShare(coverage)}%）`}
          </Tag>
        )}
      </Space>
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'score', label: '分值', children: score },
          {
            key: 'methods',
            label: '测评方法',
            children: indicator.methods.length ? indicator.methods.map((m) => <Tag key={m}>{m}</Tag>) : text(''),
          },
          ...[
            { key: 'content', label: '测评内容', value: indicator.content },
            { key: 'standard', label: '测评标准', value: indicator.standard },
            { key: 'required', label: '应备材料', value: indicator.requiredMaterials },
            { key: 'unit', label: '责任单位', value: indicator.responsibleUnit, optional: true },
            { key: 'person', label: '责任人', value: indicator.responsiblePerson, optional: true },
            { key: 'deadline', label: '完成时限', value: indicator.deadline, optional: true },
          ]
            // A category usually prints only its title: leave out what it does not have.
            .filter((row) => row.value || (isLeaf && !row.optional))
            .map((row) => ({ key: row.key, label: row.label, span: 2, children: text(row.value) })),
        ]}
      />
    </div>
  );
}
