import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Indicator, IndicatorFields } from '../../../shared/domain';
import { showAtFormFields } from '../common/useFieldErrors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { useUnits } from '../units/useUnits';

export type EditTarget =
  | { mode: 'edit'; indicator: Indicator }
  | { mode: 'create'; systemId: number; parentId: number | null; index?: number; parentLabel: string };

const METHOD_OPTIONS = ['材料审核', '实地考察', '实地查看', '问卷调查', '网上申报', '明察暗访'].map((m) => ({ value: m, label: m }));
const KIND_OPTIONS = [
  { value: 'scored', label: '计分项' },
  { value: 'bonus', label: '加分项' },
  { value: 'veto', label: '否决项' },
];

interface FormValues extends Omit<IndicatorFields, 'deadline'> {
  deadline: dayjs.Dayjs | null;
}

const EMPTY: IndicatorFields = {
  title: '',
  numbering: '',
  content: '',
  standard: '',
  methods: [],
  score: null,
  kind: 'scored',
  requiredMaterials: '',
  responsibleUnit: '',
  responsiblePerson: '',
  deadline: '',
};

/** Add or edit one indicator: every field a clerk maintains, saved in one call. */
export function IndicatorEditor({ target, onClose, onSaved }: { target: EditTarget | null; onClose: () => void; onSaved: (i: Indicator) => void }) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const units = useUnits();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const unit = Form.useWatch('responsibleUnit', form);

  const initialValues = useMemo((): FormValues | undefined => {
    if (!target) return undefined;
    const fields = target.mode === 'edit' ? target.indicator : EMPTY;
    return { ...pick(fields), deadline: fields.deadline ? dayjs(fields.deadline) : null };
  }, [target]);

  const persons = useMemo(() => {
    const found = (units.data ?? []).find((u) => u.name === unit);
    return (found ? found.persons : (units.data ?? []).flatMap((u) => u.persons)).map((p) => ({ value: p }));
  }, [units.data, unit]);

  const { message } = App.useApp();
  const save = async () => {
    if (!target) return;
    const values = await form.validateFields();
    const fields: IndicatorFields = { ...values, deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : '', score: values.score ?? null };
    setSaving(true);
    try {
      const saved =
        target.mode === 'edit'
          ? await api['indicators.update']({ indicatorId: target.indicator.id, fields })
          : await api['indicators.create']({ systemId: target.systemId, parentId: target.parentId, index: target.index, fields });
      message.success(`${target.mode === 'edit' ? '已保存' : '已添加'}指标“${saved.code} ${saved.title}”`);
      onSaved(saved);
    } catch (err) {
      if (!showAtFormFields(form, err, 'fields.')) reportError(err, '保存指标失败');
    } finally {
      setSaving(false);
    }
  };

  const title = !target ? '' : target.mode === 'edit' ? `编辑指标 ${target.indicator.code}` : `添加指标（${target.parentLabel}）`;
  return (
    <Modal open={target !== null} title={title} width={720} onCancel={onClose} onOk={save} okText="保存" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="indicator-editor" preserve={false} initialValues={initialValues}>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="原序号" name="numbering" style={{ width: 120 }}>
            <Input maxLength={50} placeholder="如（一）" />
          </Form.Item>
          <Form.Item label="指标名称" name="title" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
            <Input maxLength={500} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="分值" name="score" style={{ width: 140 }}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="类型" name="kind" style={{ width: 140 }}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
          <Form.Item label="测评方法" name="methods" style={{ flex: 1 }}>
            <Select mode="tags" options={METHOD_OPTIONS} tokenSeparators={['、', ',', '，']} />
          </Form.Item>
        </div>
        <Form.Item label="测评内容" name="content">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label="测评标准" name="standard">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label="应备材料" name="requiredMaterials">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="责任单位" name="responsibleUnit" style={{ flex: 1 }}>
            <AutoComplete options={(units.data ?? []).map((u) => ({ value: u.name }))} placeholder="从责任单位中选择或直接填写" />
          </Form.Item>
          <Form.Item label="责任人" name="responsiblePerson" style={{ flex: 1 }}>
            <AutoComplete options={persons} />
          </Form.Item>
          <Form.Item label="完成时限" name="deadline" style={{ width: 170 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

function pick(i: IndicatorFields): Omit<IndicatorFields, 'deadline'> {
  return {
    title: i.title,
    numbering: i.numbering,
    content: i.content,
    standard: i.standard,
    methods: i.methods,
    score: i.score,
    kind: i.kind,
    requiredMaterials: i.requiredMaterials,
    responsibleUnit: i.responsibleUnit,
    responsiblePerson: i.responsiblePerson,
  };
}
