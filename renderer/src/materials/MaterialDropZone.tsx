import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { usePlatform } from '../platformContext';
import { batchBeforeUpload } from './batchBeforeUpload';

interface Props {
  busy: boolean;
  /** “1.1 创建工作机制”, or null when adding without an indicator. */
  targetLabel: string | null;
  onFiles: (files: File[]) => void;
}

/** Drop files or whole folders onto the material area. */
export function MaterialDropZone({ busy, targetLabel, onFiles }: Props) {
  const platform = usePlatform();
  return (
    <div data-testid="material-drop-zone">
      <Upload.Dragger
        multiple
        // The browser reads dropped folders itself; the desktop app passes the folder's path on.
        directory={platform.kind === 'http'}
        openFileDialogOnClick={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={batchBeforeUpload(onFiles)}
        styles={{ root: { padding: 0 } }}
      >
        {/* One line: the list below needs the height more than the hint does. */}
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, margin: '-12px 0', fontSize: 13 }}>
          <InboxOutlined style={{ fontSize: 18, color: '#1677ff' }} />
          <span>将文件或文件夹拖到这里{targetLabel ? `，归入「${targetLabel}」` : ''}</span>
          <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>支持 PDF、OFD、Word、Excel、图片、视频等，可一次拖入多个文件或整个文件夹</span>
        </div>
      </Upload.Dragger>
    </div>
  );
}
