import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { usePlatform } from '../platformContext';

/** Browser mode: hand a file the core wrote (under exports/) to the browser's download. Nothing in the desktop app, which asked where to save. */
export function DownloadButton({ path, testId }: { path: string; testId?: string }) {
  const { download } = usePlatform();
  if (!download) return null;
  return (
    <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => download(path)} data-testid={testId}>
      下载
    </Button>
  );
}
