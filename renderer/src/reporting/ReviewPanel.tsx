import { Button, Input, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { reviewStateLabels, type Material, type MaterialStatus } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { useBusyAction } from '../integrity/useBusyAction';
import { usePlatform } from '../platformContext';

interface Row {
  material: Material;
  status: MaterialStatus;
}

const COLORS = { pending: 'gold', passed: 'green', returned: 'red' } as const;

/** 材料审核: what units sent, with 提供单位 and state; 通过 or 退回 (with a comment) one by one or in bulk. */
export function ReviewPanel({ dossierId }: { dossierId: number }) {
  const { api } = usePlatform();
  const load = useCallback(async (): Promise<Row[]> => {
    const statuses = (await api['review.statuses']({ dossierId })).filter((s) => s.providedBy.length > 0);
    const rows: Row[] = [];
    for (let i = 0; i < statuses.length; i += 500) {
      const part = statuses.slice(i, i + 500);
      const materials = new Map((await api['materials.getMany']({ materialIds: part.map((s) => s.materialId) })).map((m) => [m.id, m]));
      for (const status of part) {
        const material = materials.get(status.materialId);
        if (material) rows.push({ material, status });
      }
    }
    return rows;
  }, [api, dossierId]);
  const rows = useQuery(`review-${dossierId}`, load, '读取报送材料失败');
  const [selected, setSelected] = useState<number[]>([]);
  const [comment, setComment] = useState('');
  const { busy, run } = useBusyAction();
  const review = (state: 'passed' | 'returned') =>
    run(state === 'passed' ? '审核通过' : '退回', async () => {
      await api['review.set']({ materialIds: selected, state, comment });
      setSelected([]);
      setComment('');
      rows.reload();
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input data-testid="review-comment" placeholder="审核意见（退回时请写明原因）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 360 }} maxLength={2000} />
        <Button data-testid="review-pass" disabled={selected.length === 0} loading={busy === '审核通过'} onClick={() => review('passed')}>
          通过
        </Button>
        <Button data-testid="review-return" danger disabled={selected.length === 0 || comment.trim() === ''} loading={busy === '退回'} onClick={() => review('returned')}>
          退回
        </Button>
        <span>已选 {selected.length} 份</span>
      </Space>
      <Table<Row>
        data-testid="review-table"
        rowKey={(r) => r.material.id}
        size="small"
        loading={rows.loading}
        dataSource={rows.data ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        locale={{ emptyText: '还没有成员单位报送的材料' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '题名', render: (_, r) => r.material.title },
          { title: '提供单位', width: 160, render: (_, r) => r.status.providedBy.join('、') },
          { title: '报送时间', width: 110, render: (_, r) => r.status.submittedAt?.slice(0, 10) ?? '' },
          {
            title: '审核',
            width: 240,
            render: (_, r) =>
              r.status.review ? (
                <span>
                  <Tag color={COLORS[r.status.review.state]}>{reviewStateLabels[r.status.review.state]}</Tag>
                  {r.status.review.comment}
                </span>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
