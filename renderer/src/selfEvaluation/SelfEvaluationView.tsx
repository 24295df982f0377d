import { Button, Card, Input, InputNumber, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Dossier, SelfEvalResult, SelfEvalRow } from '../../../shared/domain';
import { ChartsCard } from '../charts/ChartsCard';
import { IndicatorKindTag } from '../indicators/IndicatorKindTag';
import { useCoverage } from '../indicators/useCoverage';
import { SelfEvalScoreInput } from './SelfEvalScoreInput';
import { StatementEditor } from './StatementEditor';
import { useSelfEvaluation } from './useSelfEvaluation';

const RESULT: Record<SelfEvalResult, { text: string; color: string }> = {
  pass: { text: '达标', color: 'green' },
  fail: { text: '未达标', color: 'red' },
  veto: { text: '存在否决项，不达标', color: 'red' },
  no_pass_line: { text: '未设达标线', color: 'default' },
};

/** 自评: a score per leaf, notes, totals per category and overall, and the result against the pass line. */
export function SelfEvaluationView({ dossier }: { dossier: Dossier }) {
  const evaluation = useSelfEvaluation(dossier.id);
  const coverage = useCoverage(dossier.id);
  const [editing, setEditing] = useState<SelfEvalRow | null>(null);
  const e = evaluation.data;
  if (!e) return <Skeleton active paragraph={{ rows: 10 }} />;
  const result = RESULT[e.result];
  return (
    <div data-testid="selfeval-view">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={32} wrap align="center">
          {e.byItems ? (
            <Statistic title="达标项（测评体系未设分值）" value={e.itemsMet} suffix={`/ ${e.itemCount}`} styles={{ content: { fontSize: 22 } }} />
          ) : (
            <Statistic title="自评总分" value={e.total} suffix={`/ ${e.maxScore}`} styles={{ content: { fontSize: 22 } }} />
          )}
          <Statistic title="其中加分" value={e.bonusTotal} styles={{ content: { fontSize: 22 } }} />
          <div>
            <Typography.Text type="secondary">达标线</Typography.Text>
            <div>
              <InputNumber
                min={0}
                defaultValue={e.passLine ?? undefined}
                placeholder="如 85"
                aria-label="达标线"
                data-testid="selfeval-pass-line"
                onBlur={(ev) => {
                  const raw = ev.target.value.trim();
                  const next = raw === '' ? null : Number(raw);
                  if (next !== e.passLine && (next === null || Number.isFinite(next))) void evaluation.setPassLine(next);
                }}
              />
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">结果</Typography.Text>
            <div>
              <Tag color={result.color} data-testid="selfeval-result" style={{ fontSize: 14, padding: '2px 10px' }}>
                {result.text}
              </Tag>
            </div>
          </div>
          {e.pending > 0 && <Typography.Text type="warning">还有 {e.pending} 项未自评</Typography.Text>}
        </Space>
      </Card>
      <ChartsCard coverage={coverage.data} evaluation={e} />
      <Table<SelfEvalRow>
        size="small"
        rowKey="indicatorId"
        pagination={false}
        dataSource={e.rows}
        data-testid="selfeval-table"
        onRow={(row) => ({ 'data-testid': `selfeval-row-${row.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '指标',
            key: 'title',
            render: (_, row) => (
              <span style={{ paddingLeft: (row.depth - 1) * 20, fontWeight: row.isLeaf ? 400 : 600 }}>
                <Typography.Text type="secondary" style={{ marginRight: 6 }}>
                  {row.code}
                </Typography.Text>
                {row.title} <IndicatorKindTag kind={row.kind} />
              </span>
            ),
          },
          { title: '分值', key: 'max', width: 80, render: (_, row) => row.maxScore ?? '—' },
          {
            title: '自评得分',
            key: 'score',
            width: 170,
            render: (_, row) =>
              row.isLeaf ? (
                <SelfEvalScoreInput
                  row={row}
                  onScore={(score) => evaluation.set({ indicatorId: row.indicatorId, score })}
                  onVeto={(vetoStatus) => void evaluation.set({ indicatorId: row.indicatorId, vetoStatus })}
                  onMet={(met) => void evaluation.set({ indicatorId: row.indicatorId, met })}
                />
              ) : (
                <Typography.Text strong data-testid={`selfeval-sum-${row.code}`}>
                  {row.selfScore ?? '—'}
                </Typography.Text>
              ),
          },
          {
            title: '结论性说明',
            key: 'statement',
            width: 260,
            render: (_, row) => (
              <Space size={4} style={{ maxWidth: 250 }}>
                <Button size="small" type={row.statement ? 'default' : 'dashed'} onClick={() => setEditing(row)} data-testid={`statement-edit-${row.code}`}>
                  {row.statement ? '修改' : '填写'}
                </Button>
                {row.statement && (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: row.statement }} style={{ maxWidth: 190 }} data-testid={`statement-${row.code}`}>
                    {row.statement}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '自评备注',
            key: 'note',
            render: (_, row) =>
              row.isLeaf ? (
                <Input
                  size="small"
                  defaultValue={row.note}
                  maxLength={2000}
                  aria-label={`${row.code} 备注`}
                  onBlur={(ev) => ev.target.value !== row.note && void evaluation.set({ indicatorId: row.indicatorId, note: ev.target.value })}
                />
              ) : null,
          },
        ]}
      />
      <StatementEditor row={editing} onClose={() => setEditing(null)} onSave={evaluation.setStatement} />
    </div>
  );
}
