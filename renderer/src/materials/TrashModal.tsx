import { Button, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { materialKindLabels, type Material } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

/** 回收站: deleted materials wait here; restore them, or remove them for good. */
export function TrashModal({ dossierId, open, onClose, onChanged }: { dossierId: number; open: boolean; onClose: () => void; onChanged: () => void }) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [version, setVersion] = useState(0);
  const load = useCallback(
    (): Promise<Material[]> => api['materials.listTrash']({ dossierId }),
    // version: read again after a restore or purge
    [api, dossierId, version],
  );
  const trash = useQuery(`trash:${dossierId}`, open ? load : null, '读取回收站失败');
  const act = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      setVersion((v) => v + 1);
      onChanged();
    } catch (err) {
      reportError(err, `${what}失败`);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} title="回收站" width={760} data-testid="trash-modal">
      <Table<Material>
        rowKey="id"
        size="small"
        dataSource={trash.data ?? []}
        loading={trash.loading}
        locale={{ emptyText: '回收站是空的' }}
        pagination={false}
        scroll={{ y: 480 }}
        columns={[
          { key: 'title', title: '题名', render: (_, m) => <span data-testid="trash-title">{m.title}</span> },
          { key: 'kind', title: '类别', width: 90, render: (_, m) => materialKindLabels[m.kind] },
          {
            key: 'at',
            title: '删除时间',
            width: 170,
            render: (_, m) => <Typography.Text type="secondary">{m.trashedAt && new Date(m.trashedAt).toLocaleString('zh-CN')}</Typography.Text>,
          },
          {
            key: 'actions',
            title: '',
            width: 160,
            render: (_, m) => (
              <Space>
                <Button size="small" data-testid="trash-restore" onClick={() => void act('还原', () => api['materials.restore']({ materialIds: [m.id] }))}>
                  还原
                </Button>
                <Popconfirm
                  title="彻底清除后无法恢复，确定？"
                  okText="彻底清除"
                  cancelText="取消"
                  onConfirm={() => void act('彻底清除', () => api['materials.purge']({ materialIds: [m.id] }))}
                >
                  <Button size="small" danger data-testid="trash-purge">
                    彻底清除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
