import { Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { imageQualityLabels, type ImageQuality, type PacketDefinition } from '../../../shared/domain';

interface Props {
  value: PacketDefinition;
  onChange: (value: PacketDefinition) => void;
}

/** Catalogue, photos per page, watermark, page numbers, image quality; the 档号 rule and 归档章. */
export function LayoutOptions({ value, onChange }: Props) {
  const layout = value.layout;
  const code = value.archivalCode;
  const setLayout = (patch: Partial<PacketDefinition['layout']>) => onChange({ ...value, layout: { ...layout, ...patch } });
  const setCode = (patch: Partial<PacketDefinition['archivalCode']>) => onChange({ ...value, archivalCode: { ...code, ...patch } });
  return (
    <>
      <Space wrap size={24}>
        <Form.Item label="目录">
          <Switch checked={layout.catalogue} onChange={(catalogue) => setLayout({ catalogue })} />
        </Form.Item>
        <Form.Item label="页码">
          <Switch checked={layout.pageNumbers} onChange={(pageNumbers) => setLayout({ pageNumbers })} />
        </Form.Item>
        <Form.Item label="每页照片数">
          <Radio.Group
            value={layout.photosPerPage}
            onChange={(e) => setLayout({ photosPerPage: e.target.value as 1 | 2 | 4 })}
            options={[1, 2, 4].map((n) => ({ value: n, label: `${n} 张` }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item label="图片质量">
          <Select<ImageQuality>
            style={{ width: 160 }}
            value={layout.imageQuality}
            onChange={(imageQuality) => setLayout({ imageQuality })}
            options={(Object.keys(imageQualityLabels) as ImageQuality[]).map((q) => ({ value: q, label: imageQualityLabels[q] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item label="水印文字（留空则不加）">
        <Input data-testid="packet-watermark" maxLength={40} value={layout.watermark} onChange={(e) => setLayout({ watermark: e.target.value })} />
      </Form.Item>
      <Space wrap size={24} align="start">
        <Form.Item label="档号规则" extra="可用 {全宗号} {年度} {保管期限} {件号}">
          <Input style={{ width: 280 }} value={code.pattern} onChange={(e) => setCode({ pattern: e.target.value })} />
        </Form.Item>
        <Form.Item label="全宗号">
          <Input style={{ width: 120 }} value={code.fondsNumber} onChange={(e) => setCode({ fondsNumber: e.target.value })} />
        </Form.Item>
        <Form.Item label="件号位数">
          <InputNumber min={1} max={8} value={code.itemDigits} onChange={(n) => setCode({ itemDigits: n ?? 4 })} />
        </Form.Item>
        <Form.Item label="未填保管期限时">
          <Select
            style={{ width: 130 }}
            value={code.defaultRetention}
            onChange={(defaultRetention) => setCode({ defaultRetention })}
            options={[
              { value: 'Y', label: '永久（Y）' },
              { value: 'D30', label: '定期30年（D30）' },
              { value: 'D10', label: '定期10年（D10）' },
            ]}
          />
        </Form.Item>
        <Form.Item label="加盖归档章">
          <Switch checked={code.stamp} onChange={(stamp) => setCode({ stamp })} />
        </Form.Item>
      </Space>
    </>
  );
}
