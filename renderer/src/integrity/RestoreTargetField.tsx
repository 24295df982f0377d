import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { usePlatform } from '../platformContext';

/**
 * Where to restore: empty means a new folder beside the archive (the core names it). The
 * desktop app picks a folder with its dialog; browser mode may type one.
 */
export function RestoreTargetField({ value, onChange }: { value: string; onChange: (dir: string) => void }) {
  const { pickDirectory } = usePlatform();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        readOnly={Boolean(pickDirectory)}
        placeholder="留空则恢复到档案库旁的新文件夹（以档案库名称和备份时间命名）"
        data-testid="restore-target"
      />
      {pickDirectory && (
        <Button icon={<FolderOpenOutlined />} onClick={() => void pickDirectory().then((dir) => dir && onChange(dir))}>
          选择文件夹…
        </Button>
      )}
    </Space.Compact>
  );
}
