import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Select, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import type { Dossier, ResponsibleUnit, UnitKind } from '../../../shared/domain';
import { AssignPanel } from '../reporting/AssignPanel';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { UnitPersonsField } from './UnitPersonsField';
import { useUnits } from './useUnits';

const KINDS: { value: UnitKind; label: string }[] = [
  { value: 'group', label: '职能组' },
  { value: 'lead', label: '组长单位' },
  { value: 'member', label: '成员单位' },
  { value: 'department', label: '部门' },
];

interface Props {
  open: boolean;
  onClose: () => void;
  /** With a dossier: a tab to assign many indicators to a unit at once (the 成员单位报送 one). */
  dossier?: Dossier;
  onAssigned?: () => void;
}

/** The register of 责任单位 and their persons, and 批量分派 of indicators to a unit. */
export function UnitsDialog({ open, onClose, dossier, onAssigned }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const units = useUnits();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('department');
  const call = async (work: () => Promise<unknown>, title: string, done: string) => {
    try {
      await work();
      message.success(done);
      units.reload();
      return true;
    } catch (err) {
      reportError(err, title);
      return false;
    }
  };
  const update = (u: ResponsibleUnit, fields: Partial<Pick<ResponsibleUnit, 'name' | 'kind' | 'persons'>>) =>
    call(() => api['units.update']({ unitId: u.id, fields }), '保存责任单位失败', `已保存责任单位“${fields.name ?? u.name}”`);
  const register = (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input placeholder="单位或职能组名称" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} aria-label="新单位名称" />
        <Select value={kind} options={KINDS} onChange={setKind} style={{ width: 120 }} aria-label="单位类型" />
        <Button
          type="primary"
          data-testid="unit-add"
          onClick={() => void call(() => api['units.create']({ name, kind }), '添加责任单位失败', `已添加责任单位“${name.trim()}”`).then((ok) => ok && setName(''))}
        >
          添加
        </Button>
      </Space>
      <Table<ResponsibleUnit>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={units.data ?? []}
        data-testid="units-table"
        columns={[
          {
            title: '名称',
            key: 'name',
            render: (_, u) => (
              <Input size="small" defaultValue={u.name} onBlur={(e) => e.target.value !== u.name && void update(u, { name: e.target.value })} />
            ),
          },
          { title: '类型', key: 'kind', width: 120, render: (_, u) => <Select size="small" value={u.kind} options={KINDS} onChange={(k) => void update(u, { kind: k })} /> },
          {
            title: '人员',
            key: 'persons',
            render: (_, u) => <UnitPersonsField unit={u} onSave={(persons) => update(u, { persons })} />,
          },
          { title: '负责指标', key: 'count', width: 80, render: (_, u) => u.indicatorCount },
          {
            title: '',
            key: 'delete',
            width: 48,
            render: (_, u) => (
              <Button size="small" danger icon={<DeleteOutlined />} title="删除" onClick={() => void call(() => api['units.delete']({ unitId: u.id }), '删除责任单位失败', `已删除责任单位“${u.name}”`)} />
            ),
          },
        ]}
      />
    </>
  );
  return (
    <Modal open={open} title="责任单位" width={760} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
      <Tabs
        items={[
          { key: 'register', label: '单位与人员', children: register },
          ...(dossier?.systemId
            ? [
                {
                  key: 'assign',
                  label: <span data-testid="units-assign-tab">批量分派指标</span>,
                  children: (
                    <AssignPanel
                      dossier={dossier}
                      onAssigned={() => {
                        units.reload();
                        onAssigned?.();
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Modal>
  );
}
