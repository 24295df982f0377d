import { AutoComplete, Button, DatePicker, Form, Input, TreeSelect, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Dossier } from '../../../shared/domain';
import { useIndicators } from '../indicators/useIndicators';
import { useBusyAction } from '../integrity/useBusyAction';
import { indicatorOptions } from '../materials/indicatorOptions';
import { usePlatform } from '../platformContext';
import { useUnits } from '../units/useUnits';

interface Values {
  indicatorIds: number[];
  unit: string;
  person?: string;
  deadline?: dayjs.Dayjs | null;
}

/** 分派指标: many indicators at once to one unit, with its 专人 and 完成时限. */
export function AssignPanel({ dossier, onAssigned }: { dossier: Dossier; onAssigned: () => void }) {
  const { api } = usePlatform();
  const indicators = useIndicators(dossier.systemId);
  const units = useUnits();
  const { busy, run } = useBusyAction();
  const [form] = Form.useForm<Values>();
  const [said, setSaid] = useState<string | null>(null);
  const treeData = useMemo(() => indicatorOptions(indicators.data ?? []), [indicators.data]);
  const assign = (v: Values) =>
    run('分派指标', async () => {
      const byId = new Map((indicators.data ?? []).map((i) => [i.id, i.code]));
      const list = await api['units.assign']({
        dossierId: dossier.id,
        codes: v.indicatorIds.map((id) => byId.get(id)!),
        unit: v.unit.trim(),
        person: v.person?.trim() || undefined,
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : undefined,
      });
      setSaid(`已把 ${list.length} 项指标分派给“${v.unit.trim()}”：${list.map((i) => i.code).join('、')}`);
      form.resetFields(['indicatorIds']);
      units.reload();
      indicators.reload();
      onAssigned();
    });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void assign(v)} data-testid="assign-form">
      <Form.Item name="indicatorIds" label="指标（可多选）" rules={[{ required: true, message: '请至少选择一项指标' }]}>
        <TreeSelect data-testid="assign-indicators" treeData={treeData} treeCheckable treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="在测评体系中勾选" maxTagCount={8} />
      </Form.Item>
      <Form.Item name="unit" label="责任单位" rules={[{ required: true, message: '请填写责任单位' }]}>
        <AutoComplete data-testid="assign-unit" options={(units.data ?? []).map((u) => ({ value: u.name }))} placeholder="如 党办、团委（新单位作为成员单位加入登记册）" />
      </Form.Item>
      <Form.Item name="person" label="专人负责">
        <Input data-testid="assign-person" maxLength={200} />
      </Form.Item>
      <Form.Item name="deadline" label="完成时限">
        <DatePicker data-testid="assign-deadline" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === '分派指标'} data-testid="assign-submit">
        分派
      </Button>
      {said && (
        <Typography.Paragraph data-testid="assign-said" style={{ marginTop: 12 }}>
          {said}
        </Typography.Paragraph>
      )}
    </Form>
  );
}
