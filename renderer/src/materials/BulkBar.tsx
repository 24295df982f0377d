import { Button, Form, Input, Modal, Popconfirm, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DateField, dateRule } from '../common/DateField';
import { retentionOptions, securityLevelOptions, type Indicator, type MaterialFields } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { indicatorOptions } from './indicatorOptions';

interface Props {
  dossierId: number;
  selectedIds: number[];
  /** Every selected material is a single photo (they may become a 组照). */
  allPhotos: boolean;
  /** The indicator the list shows; 移出本指标 unlinks from it. */
  indicator: Indicator | null;
  indicators: Map<number, Indicator>;
  onDone: () => void;
}

type BulkFields = Pick<MaterialFields, 'responsible' | 'date' | 'securityLevel' | 'retention' | 'photographer' | 'place'>;

/** Actions on the selected materials: describe, file, unfile, group, delete — all at once. */
export function BulkBar({ dossierId, selectedIds: ids, allPhotos, indicator, indicators, onDone }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [editOpen, setEditOpen] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [target, setTarget] = useState<number | null>(null);
  const [form] = Form.useForm<BulkFields>();
  const treeData = useMemo(() => indicatorOptions(indicators.values()), [indicators]);

  const run = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      onDone();
    } catch (err) {
      reportError(err, `${what}失败`);
    }
  };
  if (ids.length === 0) return null;
  return (
    <div data-testid="bulk-bar" style={{ padding: '6px 12px', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, marginBottom: 8 }}>
      <Space wrap>
        <Typography.Text>已选 {ids.length} 份</Typography.Text>
        <Button size="small" onClick={() => setEditOpen(true)} data-testid="bulk-edit">
          批量著录
        </Button>
        <Button size="small" onClick={() => setLinkOpen(true)} data-testid="bulk-link">
          归入指标
        </Button>
        {indicator && (
          <Button
            size="small"
            data-testid="bulk-unlink"
            onClick={() => void run('移出指标', () => api['materials.unlinkMany']({ materialIds: ids, indicatorId: indicator.id }))}
          >
            移出本指标
          </Button>
        )}
        {allPhotos && ids.length >= 2 && (
          <Button
            size="small"
            data-testid="bulk-group"
            onClick={() => void run('组成组照', () => api['materials.groupPhotos']({ dossierId, materialIds: ids }))}
          >
            组成组照
          </Button>
        )}
        <Popconfirm
          title={`将 ${ids.length} 份材料移入回收站？`}
          description="可在回收站中还原"
          okText="删除"
          cancelText="取消"
          onConfirm={() => void run('删除', () => api['materials.trash']({ materialIds: ids }))}
        >
          <Button size="small" danger data-testid="bulk-trash">
            删除
          </Button>
        </Popconfirm>
      </Space>
      <Modal
        open={editOpen}
        title={`批量著录（${ids.length} 份）：只修改填写了的项`}
        okText="应用"
        cancelText="取消"
        onCancel={() => setEditOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'bulk-edit-apply' }}
      >
        <Form<BulkFields>
          form={form}
          layout="vertical"
          onFinish={(values) => {
            const fields = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
            setEditOpen(false);
            void run('批量著录', () => api['materials.updateMany']({ materialIds: ids, fields }));
          }}
        >
          <Form.Item name="responsible" label="责任者">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[dateRule]}>
            <DateField width={200} />
          </Form.Item>
          <Form.Item name="securityLevel" label="密级">
            <Select allowClear options={securityLevelOptions.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item name="retention" label="保管期限">
            <Select allowClear options={retentionOptions.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item name="photographer" label="摄影者（照片）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="place" label="地点（照片）">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={linkOpen}
        title={`将 ${ids.length} 份材料归入指标`}
        okText="归入"
        cancelText="取消"
        okButtonProps={{ disabled: target === null }}
        onCancel={() => setLinkOpen(false)}
        onOk={() => {
          setLinkOpen(false);
          if (target !== null) void run('归入指标', () => api['materials.linkMany']({ materialIds: ids, indicatorId: target }));
        }}
      >
        <TreeSelect
          style={{ width: '100%' }}
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          placeholder="选择指标"
          treeData={treeData}
          value={target ?? undefined}
          onChange={(v: number) => setTarget(v)}
          data-testid="bulk-link-target"
        />
      </Modal>
    </div>
  );
}
