import { Button, Progress, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ProgressReport, UnitProgress } from '../../../shared/domain';
import { ProgressCharts } from '../charts/ProgressCharts';
import { DownloadButton } from '../common/DownloadButton';
import { useQuery } from '../common/useQuery';
import { useBusyAction } from '../integrity/useBusyAction';
import { usePlatform } from '../platformContext';

const percent = (r: ProgressReport) => (r.totals.assigned ? Math.round((r.totals.covered / r.totals.assigned) * 100) : 0);

/** 每半月汇报: make this half month's report (Excel and PDF, kept), and the trend of the kept ones. */
export function ProgressHistory({ dossierId, units }: { dossierId: number; units: UnitProgress[] }) {
  const platform = usePlatform();
  const { api } = platform;
  const load = useCallback(() => api['progress.history']({ dossierId }), [api, dossierId]);
  const history = useQuery(`progress-history-${dossierId}`, load, '读取历次汇报失败');
  const { busy, run } = useBusyAction();
  const [written, setWritten] = useState<string[]>([]);
  const make = () =>
    run('生成本期汇报', async () => {
      // The desktop app asks for the folder (both files go there); browser mode writes into
      // exports/进度汇报/ and offers each file for download.
      const dir = platform.pickDirectory ? await platform.pickDirectory() : undefined;
      if (dir === null) return;
      const files = await api['progress.export']({ dossierId, dir });
      setWritten([files.xlsx, files.pdf].filter((f): f is string => f !== null));
      history.reload();
    });
  const rows = [...(history.data ?? [])].reverse();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button data-testid="progress-report" loading={busy === '生成本期汇报'} onClick={() => void make()}>
          生成本期汇报（Excel 和 PDF）
        </Button>
        <Typography.Text type="secondary">每次生成都会保存当期数字，下表显示历次汇报的走势。</Typography.Text>
      </Space>
      <ProgressCharts units={units} reports={history.data ?? []} />
      {written.length > 0 && (
        <div data-testid="progress-report-written">
          {written.map((f) => (
            <div key={f}>
              <Typography.Text copyable={{ text: f }} data-testid="progress-report-file" data-path={f}>
                已生成：{f}
              </Typography.Text>
              <DownloadButton path={f} testId="progress-report-download" />
            </div>
          ))}
        </div>
      )}
      <Table<ProgressReport>
        data-testid="progress-history"
        rowKey="period"
        size="small"
        loading={history.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '还没有生成过进度汇报' }}
        columns={[
          { title: '汇报期', dataIndex: 'period', width: 150 },
          { title: '截至', dataIndex: 'asOf', width: 100 },
          {
            title: '已有材料',
            render: (_, r, i) => {
              const before = rows[i + 1];
              const change = before ? r.totals.covered - before.totals.covered : 0;
              return (
                <Space>
                  <Progress percent={percent(r)} format={() => `${r.totals.covered}/${r.totals.assigned}`} size="small" style={{ width: 160 }} />
                  {change !== 0 && <span style={{ color: change > 0 ? '#389e0d' : '#cf1322' }}>{change > 0 ? `比上期多 ${change} 项` : `比上期少 ${-change} 项`}</span>}
                </Space>
              );
            },
          },
          { title: '逾期', width: 70, render: (_, r) => r.totals.overdue },
          { title: '待审', width: 70, render: (_, r) => r.totals.pending },
          { title: '退回', width: 70, render: (_, r) => r.totals.returned },
        ]}
      />
    </Space>
  );
}
