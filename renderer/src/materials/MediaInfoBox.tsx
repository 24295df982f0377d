import { Descriptions } from 'antd';
import { durationText, type MediaInfo } from '../../../shared/domain';

/** A video's or a recording's own properties, as read from the file (read-only). */
export function MediaInfoBox({ media }: { media: MediaInfo }) {
  return (
    <Descriptions size="small" column={1} bordered title="影音文件信息" data-testid="media-info" style={{ marginBottom: 16 }}>
      <Descriptions.Item label="时长">{durationText(media.durationSeconds)}</Descriptions.Item>
      {media.width !== null && media.height !== null && <Descriptions.Item label="分辨率">{`${media.width}×${media.height}`}</Descriptions.Item>}
      <Descriptions.Item label="编码">{[media.videoCodec && `视频 ${media.videoCodec}`, media.audioCodec && `音频 ${media.audioCodec}`].filter(Boolean).join('，') || '—'}</Descriptions.Item>
    </Descriptions>
  );
}
