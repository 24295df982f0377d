import { MediaInfoBox } from './MediaInfoBox';
import { Button, Descriptions, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { DateField, dateRule } from '../common/DateField';
import { showAtFormFields } from '../common/useFieldErrors';
import { useReportError } from '../common/useReportError';
import {
  retentionOptions,
  securityLevelOptions,
  type Material,
  type MaterialFields,
} from '../../../shared/domain';

const isPhoto = (m: Pick<Material, 'kind'>) => m.kind === 'photo' || m.kind === 'photo_group';

interface Props {
  material: Material;
  saving: boolean;
  /** Rejects with the refusal; the form shows its messages at the fields. */
  onSave: (fields: Partial<MaterialFields>) => Promise<void>;
}

/** DA/T 22 fields for every material, and DA/T 50 fields for photos; EXIF shown as read. */
export function MetadataForm({ material, saving, onSave }: Props) {
  const [form] = Form.useForm<MaterialFields>();
  const reportError = useReportError();
  useEffect(() => form.setFieldsValue(material), [form, material]);
  const exif = material.exif;
  return (
    <Form<MaterialFields>
      form={form}
      layout="vertical"
      data-testid="metadata-form"
      initialValues={material}
      onFinish={(values) =>
        onSave(values).catch((err: unknown) => {
          if (!showAtFormFields(form, err, 'fields.')) reportError(err, '保存失败');
        })
      }
    >
      {material.media && <MediaInfoBox media={material.media} />}
      <Form.Item name="title" label="题名" rules={[{ required: true, message: '题名不能为空' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }} size={12}>
        <Form.Item name="responsible" label="责任者">
          <Input maxLength={200} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="docNumber" label="文号">
          <Input maxLength={100} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[dateRule]}>
          <DateField />
        </Form.Item>
        <Form.Item name="securityLevel" label="密级">
          <Select allowClear style={{ width: 110 }} options={securityLevelOptions.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="retention" label="保管期限">
          <Select allowClear style={{ width: 120 }} options={retentionOptions.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="pages" label="页数">
          <InputNumber min={0} style={{ width: 90 }} />
        </Form.Item>
      </Space>
      {isPhoto(material) && (
        <>
          <Space wrap style={{ width: '100%' }} size={12}>
            <Form.Item name="photoTime" label="时间">
              <Input maxLength={50} style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="place" label="地点">
              <Input maxLength={200} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="photographer" label="摄影者">
              <Input maxLength={100} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="people" label="人物">
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
          </Form.Item>
          {exif && (
            <Descriptions size="small" column={1} bordered title="照片自带信息（EXIF）" data-testid="exif" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="拍摄时间">{exif.takenAt ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="GPS 位置">
                {exif.gps ? `${exif.gps.latitude}, ${exif.gps.longitude}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="相机">{exif.camera ?? '—'}</Descriptions.Item>
            </Descriptions>
          )}
        </>
      )}
      <Form.Item name="note" label="备注">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="metadata-save">
        保存
      </Button>
    </Form>
  );
}
