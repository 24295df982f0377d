import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { reviewStateLabels, type Dossier, type Material, type MaterialStatus, type SubmitResult } from '../../../shared/domain';
import { saveReport } from '../common/saveReport';
import { useQuery } from '../common/useQuery';
import { useBusyAction } from '../integrity/useBusyAction';
import { usePlatform } from '../platformContext';
import { TaskOpenDrop } from './TaskOpenDrop';

interface Props {
  dossier: Dossier;
  /** A 任务包 made or updated a 报送档案: show it. */
  onOpened: (dossierId: number) => void;
}

const COLORS = { pending: 'gold', passed: 'green', returned: 'red' } as const;

/**
 * The member unit's side: open a 任务包 (makes or updates the 报送档案), export a 报送包 (all
 * materials or only what changed, into exports/报送包/), and the lead's 审核意见 per material.
 */
export function UnitPanel({ dossier, onOpened }: Props) {
  const platform = usePlatform();
  const { api } = platform;
  const { busy, run } = useBusyAction();
  const [said, setSaid] = useState<string | null>(null);
  const loadLink = useCallback(() => api['tasks.link']({ dossierId: dossier.id }), [api, dossier.id]);
  const link = useQuery(`task-link-${dossier.id}`, loadLink, '读取报送档案失败');
  const loadReviews = useCallback(async (): Promise<{ material: Material; status: MaterialStatus }[]> => {
    const judged = (await api['review.statuses']({ dossierId: dossier.id })).filter((s) => s.review !== null).slice(0, 500);
    if (judged.length === 0) return [];
    const byId = new Map((await api['materials.getMany']({ materialIds: judged.map((s) => s.materialId) })).map((m) => [m.id, m]));
    return judged.filter((s) => byId.has(s.materialId)).map((status) => ({ material: byId.get(status.materialId)!, status }));
  }, [api, dossier.id]);
  const reviews = useQuery(`unit-reviews-${dossier.id}`, link.data ? loadReviews : null, '读取审核意见失败');

  // 另存为 in the desktop app (to the USB stick, say); browser mode writes into exports/报送包/ and downloads it.
  const submit = (changedOnly: boolean) =>
    run('导出报送包', async () => {
      const info = link.data;
      const suggested = info ? `${info.unit}-第${info.submitRound + 1}次.dossier-submit` : '报送包.dossier-submit';
      let r: SubmitResult | null = null;
      const saved = await saveReport(platform, suggested, async (out) => {
        r = await api['submissions.export']({ dossierId: dossier.id, changedOnly, out });
        return { path: r.file };
      });
      if (!saved || !r) return;
      const done: SubmitResult = r;
      const skipped = done.skipped.length ? `；未放入 ${done.skipped.length} 份（${done.skipped.map((k) => `${k.title}：${k.reason}`).join('；')}）` : '';
      setSaid(`已导出第 ${done.round} 次报送包：材料 ${done.materials} 份，撤回 ${done.withdrawn} 份${skipped}：${done.file}${saved.downloaded ? '（已交给浏览器下载）' : ''}`);
      link.reload();
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <TaskOpenDrop
        onOpened={(r) => {
          link.reload();
          reviews.reload();
          onOpened(r.dossierId);
        }}
      />
      {said && <Alert data-testid="unit-said" type="success" message={said} />}
      {link.data && (
        <>
          <Typography.Text data-testid="unit-link">
            本档案是“{link.data.unit}”的报送档案：已收到第 {link.data.taskRound} 次任务包，已报送 {link.data.submitRound} 次
          </Typography.Text>
          <Space>
            <Button type="primary" loading={busy === '导出报送包'} onClick={() => void submit(false)} data-testid="submit-all">
              导出报送包（全部材料）
            </Button>
            <Button disabled={link.data.submitRound === 0} onClick={() => void submit(true)} data-testid="submit-changed">
              只含上次报送后的变化
            </Button>
          </Space>
          <Table
            data-testid="unit-reviews"
            size="small"
            rowKey={(r) => r.material.id}
            dataSource={reviews.data ?? []}
            pagination={false}
            locale={{ emptyText: '牵头单位还没有审核意见' }}
            columns={[
              { title: '题名', render: (_, r) => r.material.title },
              {
                title: '牵头单位审核意见',
                render: (_, r) => (
                  <span>
                    <Tag color={COLORS[r.status.review!.state]}>{reviewStateLabels[r.status.review!.state]}</Tag>
                    {r.status.review!.comment}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
