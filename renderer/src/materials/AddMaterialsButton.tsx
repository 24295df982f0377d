import { FolderAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Upload } from 'antd';
import { usePlatform } from '../platformContext';
import { batchBeforeUpload } from './batchBeforeUpload';

export interface AddMaterialsProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
  onPaths: (paths: string[]) => void;
  onError: (err: unknown) => void;
}

/**
 * 添加材料 and 添加文件夹: the native dialogs in the desktop app (a folder is read by the core,
 * subfolders too); the browser's file and folder pickers in browser mode (their files uploaded).
 */
export function AddMaterialsButton({ busy, onFiles, onPaths, onError }: AddMaterialsProps) {
  const platform = usePlatform();
  const button = (
    <Button type="primary" icon={<PlusOutlined />} loading={busy} data-testid="add-materials-button">
      添加材料
    </Button>
  );
  const folderButton = (
    <Button icon={<FolderAddOutlined />} disabled={busy} data-testid="add-folder-button">
      添加文件夹
    </Button>
  );
  const { pickFiles, pickDirectory } = platform;
  if (pickFiles && pickDirectory) {
    const chosen = (pick: () => Promise<string[]>) => () => {
      if (busy) return;
      pick()
        .then((paths) => paths.length > 0 && onPaths(paths))
        .catch(onError);
    };
    return (
      <Space size={8}>
        <span onClick={chosen(pickFiles)}>{button}</span>
        <span onClick={chosen(() => pickDirectory().then((dir) => (dir ? [dir] : [])))}>{folderButton}</span>
      </Space>
    );
  }
  return (
    <Space size={8}>
      <span data-testid="add-materials">
        <Upload multiple showUploadList={false} disabled={busy} beforeUpload={batchBeforeUpload(onFiles)}>
          {button}
        </Upload>
      </span>
      <span data-testid="add-folder">
        <Upload directory showUploadList={false} disabled={busy} beforeUpload={batchBeforeUpload(onFiles)}>
          {folderButton}
        </Upload>
      </span>
    </Space>
  );
}
