import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { Dossier } from '../../../shared/domain';
import { showAtFormFields } from '../common/useFieldErrors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { SystemChooser } from '../systems/SystemChooser';
import { choiceReady, resolveSystemChoice, type SystemChoice } from '../systems/systemChoice';
import { useSystemSources } from '../systems/useSystemSources';

interface Values {
  name: string;
  unit?: string;
  period?: string;
}

interface Props {
  onCreated: (dossier: Dossier) => void;
  onCancel?: () => void;
}

/** 新建档案: name, unit, period and the 测评体系 to file against. */
export function CreateDossierForm({ onCreated, onCancel }: Props) {
  const platform = usePlatform();
  const reportError = useReportError();
  const sources = useSystemSources();
  const [picked, setPicked] = useState<SystemChoice | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const firstTemplate = sources.data?.templates[0];
  const choice: SystemChoice | null =
    picked ?? (firstTemplate ? { source: 'template', templateId: firstTemplate.id } : null);

  const submit = async (values: Values) => {
    if (!choice || !choiceReady(choice)) {
      reportError({ code: 'invalid_args', message: '请选择测评体系，或选择要导入的测评体系文件' }, '无法创建档案');
      return;
    }
    setSaving(true);
    try {
      const systemId = await resolveSystemChoice(platform, choice, sources.data?.systems ?? []);
      const dossier = await platform.api['dossiers.create']({
        name: values.name,
        unit: values.unit ?? '',
        period: values.period ?? '',
        systemId,
      });
      onCreated(dossier);
    } catch (err) {
      if (!showAtFormFields(form, err)) reportError(err, '创建档案失败');
      sources.reload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={saving} data-testid="create-dossier-form">
      <Form.Item
        label="档案名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写档案名称' }]}
      >
        <Input placeholder="例如：2025年度市级文明单位创建档案" maxLength={200} autoFocus />
      </Form.Item>
      <Space.Compact block style={{ gap: 16 }}>
        <Form.Item label="单位" name="unit" style={{ flex: 2 }}>
          <Input placeholder="例如：某某市财政局" maxLength={200} />
        </Form.Item>
        <Form.Item label="年度 / 周期" name="period" style={{ flex: 1 }}>
          <Input placeholder="例如：2024—2026年" maxLength={100} />
        </Form.Item>
      </Space.Compact>
      <Form.Item label="测评体系" required>
        <SystemChooser sources={sources.data} value={choice} onChange={setPicked} onImported={sources.reload} disabled={saving} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="create-dossier-submit">
          创建档案
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
