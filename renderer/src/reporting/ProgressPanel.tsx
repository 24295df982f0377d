import { Button, Progress, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { TaskExportResult, UnitProgress } from '../../../shared/domain';
import { saveReport } from '../common/saveReport';
import { localDay } from '../common/format';
import { useQuery } from '../common/useQuery';
import { useBusyAction } from '../integrity/useBusyAction';
import { usePlatform } from '../platformContext';
import { ProgressHistory } from './ProgressHistory';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '尚未报送');

/** 报送进度 per unit: a bar for the share of assigned items with material, then the counts. */
export function ProgressPanel({ dossierId }: { dossierId: number }) {
  const platform = usePlatform();
  const { api } = platform;
  const load = useCallback(() => api['progress.get']({ dossierId }), [api, dossierId]);
  const progress = useQuery(`progress-${dossierId}`, load, '读取报送进度失败');
  const { busy, run } = useBusyAction();
  const [written, setWritten] = useState<string | null>(null);
  // 另存为 in the desktop app (the unit's USB stick); browser mode writes into exports/任务包/ and downloads it.
  const exportTasks = (unit: string) =>
    run(`导出${unit}的任务包`, async () => {
      let r: TaskExportResult | null = null;
      const saved = await saveReport(platform, `${unit}-任务包-${localDay()}.dossier-task`, async (out) => {
        r = await api['tasks.export']({ dossierId, unit, out });
        return { path: r.file };
      });
      if (!saved || !r) return;
      const done: TaskExportResult = r;
      setWritten(`已导出“${done.unit}”第 ${done.round} 次任务包（${done.indicators} 项指标，退回 ${done.returned} 份）：${done.file}`);
    });
  return (
    <>
    {written && (
      <Typography.Paragraph data-testid="tasks-written" copyable={{ text: written.slice(written.lastIndexOf('：') + 1) }}>
        {written}
      </Typography.Paragraph>
    )}
    <Table<UnitProgress>
      data-testid="progress-table"
      rowKey="unit"
      size="small"
      loading={progress.loading}
      dataSource={progress.data ?? []}
      pagination={false}
      locale={{ emptyText: '还没有分派给任何单位的指标' }}
      columns={[
        { title: '责任单位', dataIndex: 'unit' },
        { title: '分派指标', dataIndex: 'assigned', width: 90 },
        { title: '已有材料', width: 200, render: (_, u) => <Progress percent={u.assigned ? Math.round((u.covered / u.assigned) * 100) : 0} format={() => `${u.covered}/${u.assigned}`} size="small" /> },
        { title: '逾期', dataIndex: 'overdue', width: 70, render: (n: number) => (n > 0 ? <span style={{ color: '#cf1322' }}>{n}</span> : n) },
        { title: '待审', dataIndex: 'pending', width: 70 },
        { title: '通过', dataIndex: 'passed', width: 70 },
        { title: '退回', dataIndex: 'returned', width: 70 },
        { title: '最近报送', dataIndex: 'lastSubmission', width: 110, render: day },
        {
          title: '',
          width: 110,
          render: (_, u) => (
            <Button size="small" disabled={u.assigned === 0} loading={busy === `导出${u.unit}的任务包`} onClick={() => void exportTasks(u.unit)}>
              导出任务包
            </Button>
          ),
        },
      ]}
    />
    <div style={{ marginTop: 16 }}>
      <ProgressHistory dossierId={dossierId} units={progress.data ?? []} />
    </div>
    </>
  );
}
