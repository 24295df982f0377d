import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useCallback } from 'react';
import type { VersionConflict } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { useBusyAction } from '../integrity/useBusyAction';
import { usePlatform } from '../platformContext';

type Difference = VersionConflict['differences'][number];

/** 版本冲突: materials a unit changed after the lead edited them; both versions side by side, the lead chooses. */
export function ConflictPanel({ dossierId, onResolved }: { dossierId: number; onResolved: () => void }) {
  const { api } = usePlatform();
  const { message } = App.useApp();
  const load = useCallback(() => api['submissions.conflicts']({ dossierId }), [api, dossierId]);
  const conflicts = useQuery(`conflicts-${dossierId}`, load, '读取版本冲突失败');
  const { busy, run } = useBusyAction();
  const choose = (c: VersionConflict, take: 'unit' | 'lead') =>
    run(`${c.materialId}-${take}`, async () => {
      await api['submissions.resolve']({ materialId: c.materialId, unit: c.unit, take });
      message.success(take === 'unit' ? `《${c.title}》已采用${c.unit}的版本，待审` : `《${c.title}》已保留本方版本`);
      conflicts.reload();
      onResolved();
    });
  const list = conflicts.data ?? [];
  if (!conflicts.loading && list.length === 0) return <Empty data-testid="conflicts-empty" description="没有双方都改过的材料" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="conflict-list">
      <Typography.Text type="secondary">下列材料本方改过之后，成员单位又报送了修改：目前使用本方版本，请逐份选择采用哪一版。</Typography.Text>
      {list.map((c) => (
        <Card
          key={`${c.materialId}-${c.unit}`}
          size="small"
          data-testid="conflict-card"
          title={`${c.title}（${c.unit}，${new Date(c.receivedAt).toLocaleDateString('zh-CN')} 报送）`}
          extra={
            <Space>
              <Button size="small" type="primary" loading={busy === `${c.materialId}-unit`} onClick={() => choose(c, 'unit')}>
                采用单位版本
              </Button>
              <Button size="small" loading={busy === `${c.materialId}-lead`} onClick={() => choose(c, 'lead')}>
                保留本方版本
              </Button>
            </Space>
          }
        >
          <Table<Difference>
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={c.differences}
            locale={{ emptyText: '两个版本内容相同' }}
            columns={[
              { title: '项目', dataIndex: 'field', width: 100 },
              { title: '本方版本', dataIndex: 'lead', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v || '（空）'}</span> },
              { title: `${c.unit}的版本`, dataIndex: 'unit', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v || '（空）'}</span> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
