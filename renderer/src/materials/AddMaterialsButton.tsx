import { PlusOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { usePlatform } from '../platformContext';
import { batchBeforeUpload } from './batchBeforeUpload';

export interface AddMaterialsProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
  onPaths: (paths: string[]) => void;
  onError: (err: unknown) => void;
}

/** The 添加材料 button: a native dialog in the desktop app, a file input in the browser. */
export function AddMaterialsButton({ busy, onFiles, onPaths, onError }: AddMaterialsProps) {
  const platform = usePlatform();
  const button = (
    <Button type="primary" icon={<PlusOutlined />} loading={busy} data-testid="add-materials-button">
      添加材料
    </Button>
  );
  if (platform.pickFiles) {
    const pick = platform.pickFiles;
    return (
      <span
        onClick={() => {
          if (busy) return;
          pick()
            .then((paths) => paths.length > 0 && onPaths(paths))
            .catch(onError);
        }}
      >
        {button}
      </span>
    );
  }
  return (
    <span data-testid="add-materials">
      <Upload multiple showUploadList={false} disabled={busy} beforeUpload={batchBeforeUpload(onFiles)}>
        {button}
      </Upload>
    </span>
  );
}
