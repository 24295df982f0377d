import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

export interface ExportChoices {
  outDir: string;
  pdf: boolean;
  xlsx: boolean;
  folder: boolean;
  zip: boolean;
  online: boolean;
  gaps: boolean;
  capMb: number;
}

interface Props {
  value: ExportChoices;
  onChange: (value: ExportChoices) => void;
  loadingDir: boolean;
}

/** Where to write the packet and which parts to produce. */
export function ExportOptionsForm({ value, onChange, loadingDir }: Props) {
  const platform = usePlatform();
  const reportError = useReportError();
  const pick = platform.pickDirectory;
  return (
    <Form layout="vertical">
      <Form.Item
        label="输出文件夹"
        htmlFor="export-out-dir"
        extra={
          pick
            ? undefined
            : '浏览器模式：默认导出到档案的 exports 文件夹，完成后可逐个下载（分类文件夹请勾选“打包为一个 zip 文件”后下载）；也可填写本机上的其他文件夹路径。'
        }
      >
        <Space.Compact block>
          <Input
            id="export-out-dir"
            data-testid="export-out-dir"
            value={value.outDir}
            placeholder={loadingDir ? '正在读取默认位置…' : '例如：D:\\迎检资料'}
            onChange={(e) => onChange({ ...value, outDir: e.target.value })}
          />
          {pick && (
            <Button
              icon={<FolderOpenOutlined />}
              onClick={() => {
                pick()
                  .then((dir) => dir && onChange({ ...value, outDir: dir }))
                  .catch((err: unknown) => reportError(err, '选择文件夹失败'));
              }}
            >
              选择…
            </Button>
          )}
        </Space.Compact>
      </Form.Item>
      <Form.Item label="导出内容">
        <Space orientation="vertical">
          <Checkbox checked={value.pdf} onChange={(e) => onChange({ ...value, pdf: e.target.checked })}>
            PDF 合订本（按测评体系顺序合订）
          </Checkbox>
          <Checkbox checked={value.xlsx} onChange={(e) => onChange({ ...value, xlsx: e.target.checked })}>
            Excel 目录（归档文件目录）
          </Checkbox>
          <Checkbox checked={value.folder} onChange={(e) => onChange({ ...value, folder: e.target.checked })}>
            文件夹（按指标分文件夹存放原件）
          </Checkbox>
          <Checkbox
            style={{ marginLeft: 24 }}
            disabled={!value.folder}
            checked={value.zip}
            onChange={(e) => onChange({ ...value, zip: e.target.checked })}
          >
            打包为一个 zip 文件
          </Checkbox>
          <Checkbox data-testid="export-gaps" checked={value.gaps} onChange={(e) => onChange({ ...value, gaps: e.target.checked })}>
            内部缺项报告（Excel：暂无材料的指标、提供部门和联系人，不交检查组）
          </Checkbox>
          <Space>
            <Checkbox data-testid="export-online" checked={value.online} onChange={(e) => onChange({ ...value, online: e.target.checked })}>
              网上申报 PDF（每个指标一个文件，照片自动压缩），每个不超过
            </Checkbox>
            <InputNumber
              size="small"
              min={1}
              max={2000}
              value={value.capMb}
              disabled={!value.online}
              onChange={(n) => onChange({ ...value, capMb: n ?? 10 })}
              suffix="MB"
              style={{ width: 100 }}
            />
          </Space>
        </Space>
      </Form.Item>
    </Form>
  );
}
