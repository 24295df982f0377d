import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { Material, MinutesForm } from '../../../shared/domain';
import { showAtFormFields } from '../common/useFieldErrors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

interface Props {
  open: boolean;
  dossierId: number;
  /** Editing: the existing minutes; creating: null. */
  material: Material | null;
  /** Where new minutes are filed. */
  indicatorId: number | null;
  onClose: () => void;
  onSaved: (material: Material) => void;
}

const empty: MinutesForm = {
  meetingName: '',
  time: '',
  place: '',
  host: '',
  attendees: '',
  absentees: '',
  recorder: '',
  topics: '',
  decisions: '',
};

/** 会议纪要 as a form: create or edit; stored as a material (the MinutesForm JSON contract). */
export function MinutesFormModal({ open, dossierId, material, indicatorId, onClose, onSaved }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [form] = Form.useForm<MinutesForm>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    if (!material) {
      form.setFieldsValue(empty);
      return;
    }
    api['materials.getMinutes']({ materialId: material.id }).then(
      (values) => form.setFieldsValue(values),
      (err: unknown) => reportError(err, '读取会议纪要失败'),
    );
  }, [api, form, material, open, reportError]);

  const save = async (values: MinutesForm) => {
    setSaving(true);
    try {
      const saved = await api['materials.saveMinutes']({
        dossierId,
        materialId: material?.id,
        form: { ...empty, ...values },
        indicatorIds: material || indicatorId === null ? [] : [indicatorId],
      });
      onSaved(saved);
    } catch (err) {
      if (!showAtFormFields(form, err, 'form.')) reportError(err, '保存会议纪要失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={material ? '编辑会议纪要' : '新建会议纪要'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'minutes-save' }}
    >
      <Form<MinutesForm> form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="minutes-form">
        <Form.Item name="meetingName" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="time" label="时间" rules={[{ required: true, message: '请填写会议时间' }]} style={{ flex: 1 }}>
            <Input maxLength={50} placeholder="2024年3月15日 14:30" />
          </Form.Item>
          <Form.Item name="place" label="地点" style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="host" label="主持人" style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="recorder" label="记录人" style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="attendees" label="参会人员">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1 }} />
        </Form.Item>
        <Form.Item name="absentees" label="缺席人员">
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="topics" label="议题">
          <Input.TextArea maxLength={20000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="decisions" label="决定事项">
          <Input.TextArea maxLength={20000} autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
