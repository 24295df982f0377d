import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { baseName } from '../common/format';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

const ACCEPT = '.xlsx,.csv,.docx';

interface Props {
  fileName: string;
  onPicked: (picked: { file: File | null; path: string | null; fileName: string }) => void;
  disabled?: boolean;
}

/** Choose one indicator-system file: a native dialog in the desktop app, a file input in the browser. */
export function SystemFilePicker({ fileName, onPicked, disabled }: Props) {
  const platform = usePlatform();
  const reportError = useReportError();
  const button = (
    <Button icon={<UploadOutlined />} disabled={disabled} data-testid="system-file-button">
      {fileName ? '重新选择…' : '选择文件…'}
    </Button>
  );
  const picker = platform.pickFiles ? (
    <span
      onClick={() => {
        if (disabled) return;
        platform.pickFiles!()
          .then((paths) => {
            if (paths[0]) onPicked({ file: null, path: paths[0], fileName: baseName(paths[0]) });
          })
          .catch((err: unknown) => reportError(err, '选择文件失败'));
      }}
    >
      {button}
    </span>
  ) : (
    <Upload
      accept={ACCEPT}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onPicked({ file, path: null, fileName: file.name });
        return Upload.LIST_IGNORE;
      }}
    >
      {button}
    </Upload>
  );
  return (
    <Space wrap>
      {picker}
      {fileName ? (
        <Typography.Text>
          <FileExcelOutlined /> {fileName}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">支持 Excel（.xlsx）、CSV、Word（.docx）格式的测评体系表</Typography.Text>
      )}
    </Space>
  );
}
