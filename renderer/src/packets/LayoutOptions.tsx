import { Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { imageQualityLabels, type ArchivalCodeRule, type ImageQuality, type PacketDefinition } from '../../../shared/domain';
import type { FieldErrors } from '../common/useFieldErrors';

interface Props {
  value: PacketDefinition;
  onChange: (value: PacketDefinition) => void;
  /** The dossier's 档号 rule (saved with the packet, for materials numbered from then on). */
  rule: ArchivalCodeRule;
  onRuleChange: (rule: ArchivalCodeRule) => void;
  /** Messages of a refused save, at their fields. */
  errors?: FieldErrors;
}

/** Catalogue, photos per page, watermark, page numbers, image quality; the dossier's 档号 rule; 归档章. */
export function LayoutOptions({ value, onChange, rule, onRuleChange, errors }: Props) {
  const at = (path: string) => errors?.item(path) ?? {};
  const layout = value.layout;
  const setLayout = (patch: Partial<PacketDefinition['layout']>) => onChange({ ...value, layout: { ...layout, ...patch } });
  const code = rule;
  const setCode = (patch: Partial<ArchivalCodeRule>) => {
    for (const key of Object.keys(patch)) errors?.clear(`rule.${key}`);
    onRuleChange({ ...rule, ...patch });
  };
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
      <Form.Item label="暂无材料的指标" extra="默认不编入交给检查组的迎检资料；缺项可在导出时另出一份内部缺项报告。">
        <Radio.Group
          data-testid="packet-empty-indicators"
          value={value.emptyIndicators}
          onChange={(e) => onChange({ ...value, emptyIndicators: e.target.value as PacketDefinition['emptyIndicators'] })}
          options={[
            { value: 'omit', label: '不编入（默认）' },
            { value: 'show', label: '编入，提交表注明“本项未提交材料”' },
          ]}
        />
      </Form.Item>
      <Form.Item label="水印文字（留空则不加）" {...at('definition.layout.watermark')}>
        <Input data-testid="packet-watermark" maxLength={40} value={layout.watermark} onChange={(e) => setLayout({ watermark: e.target.value })} />
      </Form.Item>
      <Space wrap size={24} align="start">
        <Form.Item label="档号规则" extra="可用 {全宗号} {年度} {保管期限} {件号}" {...at('rule.pattern')}>
          <Input style={{ width: 280 }} data-testid="archival-pattern" value={code.pattern} onChange={(e) => setCode({ pattern: e.target.value })} />
        </Form.Item>
        <Form.Item label="全宗号" {...at('rule.fondsNumber')}>
          <Input style={{ width: 120 }} value={code.fondsNumber} onChange={(e) => setCode({ fondsNumber: e.target.value })} />
        </Form.Item>
        <Form.Item label="件号位数" {...at('rule.itemDigits')}>
          <InputNumber min={1} max={8} value={code.itemDigits} onChange={(n) => setCode({ itemDigits: n ?? 4 })} />
        </Form.Item>
        <Form.Item label="未填保管期限时">
          <Select<ArchivalCodeRule['defaultRetention']>
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
          <Switch checked={value.archivalCode.stamp} onChange={(stamp) => onChange({ ...value, archivalCode: { stamp } })} />
        </Form.Item>
      </Space>
      <Typography.Text type="secondary">
        档号规则是本档案所有材料共用的：材料在第一次导出（归档）时按规则编上件号和档号，此后不再改变；修改规则只影响以后编号的材料。
      </Typography.Text>
    </>
  );
}
