import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DateField, dateRule } from '../common/DateField';
import { retentionOptions, securityLevelOptions, type Indicator, type MaterialFields } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { BulkBarFrame } from './BulkBarFrame';
import { indicatorOptions } from './indicatorOptions';
import { useBulkDone } from './useBulkDone';

interface Props {
  dossierId: number;
  selectedIds: number[];
  /** Every selected material is a single photo (they may become a 组照). */
  allPhotos: boolean;
  /** The indicator the list shows; 移出本指标 unlinks from it. */
  indicator: Indicator | null;
  indicators: Map<number, Indicator>;
  /** Done (or undone): reload; `groupId` is a 组照 just made, to select and open. */
  onDone: (groupId?: number) => void;
}

/** A name that says what the 组照 shows, not its first file's name. */
export function defaultGroupTitle(indicator: Indicator | null, count: number): string {
  return indicator ? `${indicator.title}组照（${count} 张）` : `组照（${count} 张）`;
}

type BulkFields = Pick<MaterialFields, 'responsible' | 'date' | 'securityLevel' | 'retention' | 'photographer' | 'place'>;

/** Actions on the selected materials: describe, file, unfile, group, delete — all at once. */
export function BulkBar({ dossierId, selectedIds: ids, allPhotos, indicator, indicators, onDone }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [editOpen, setEditOpen] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [target, setTarget] = useState<number | null>(null);
  const [groupTitle, setGroupTitle] = useState<string | null>(null);
  const [form] = Form.useForm<BulkFields>();
  const { message } = App.useApp();
  const treeData = useMemo(() => indicatorOptions(indicators.values()), [indicators]);
  const undoable = useBulkDone(dossierId, () => onDone());

  /** Run one action; confirm it (with 撤销 when the core can undo it) and reload. */
  const run = async (what: string, call: () => Promise<unknown>, done: string, canUndo: boolean) => {
    try {
      await call();
      if (canUndo) undoable(done);
      else message.success(done);
      onDone();
    } catch (err) {
      reportError(err, `${what}失败`);
    }
  };
  const targetName = (id: number) => {
    const i = indicators.get(id);
    return i ? `「${i.code} ${i.title}」` : '所选指标';
  };
  if (ids.length === 0) return null;
  return (
    <BulkBarFrame testId="bulk-bar">
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
            onClick={() =>
              void run(
                '移出指标',
                () => api['materials.unlinkMany']({ materialIds: ids, indicatorId: indicator.id }),
                `已将 ${ids.length} 份材料移出「${indicator.code} ${indicator.title}」`,
                true,
              )
            }
          >
            移出本指标
          </Button>
        )}
        {allPhotos && ids.length >= 2 && (
          <Button
            size="small"
            data-testid="bulk-group"
            onClick={() => setGroupTitle(defaultGroupTitle(indicator, ids.length))}
          >
            组成组照
          </Button>
        )}
        <Popconfirm
          title={`将 ${ids.length} 份材料移入回收站？`}
          description="可在回收站中还原"
          okText="删除"
          cancelText="取消"
          onConfirm={() => void run('删除', () => api['materials.trash']({ materialIds: ids }), `已将 ${ids.length} 份材料移入回收站`, true)}
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
            void run('批量著录', () => api['materials.updateMany']({ materialIds: ids, fields }), `已修改 ${ids.length} 份材料的著录信息`, false);
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
          if (target !== null) {
            void run(
              '归入指标',
              () => api['materials.linkMany']({ materialIds: ids, indicatorId: target }),
              `已将 ${ids.length} 份材料归入${targetName(target)}`,
              true,
            );
          }
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
      <Modal
        open={groupTitle !== null}
        title={`将 ${ids.length} 张照片组成组照`}
        okText="组成组照"
        cancelText="取消"
        okButtonProps={{ disabled: !groupTitle?.trim(), 'data-testid': 'group-ok' }}
        onCancel={() => setGroupTitle(null)}
        onOk={() => {
          const title = groupTitle!.trim();
          setGroupTitle(null);
          api['materials.groupPhotos']({ dossierId, materialIds: ids, title }).then(
            (group) => {
              message.success(`已将 ${ids.length} 张照片组成组照“${group.title}”`);
              onDone(group.id);
            },
            (err: unknown) => reportError(err, '组成组照失败'),
          );
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="组照题名">
            <Input value={groupTitle ?? ''} maxLength={500} onChange={(e) => setGroupTitle(e.target.value)} data-testid="group-title" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </BulkBarFrame>
  );
}
