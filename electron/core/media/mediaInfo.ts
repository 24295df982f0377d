// What a clerk wants to know of a video or a recording: how long, how large, which codecs. Read
// by ffprobe from the container's headers (quick, even for a two-hour video).
import type { MediaInfo } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { ffprobePath, run } from './ffmpeg';

interface ProbeJson {
  streams?: { codec_type?: string; codec_name?: string; disposition?: { attached_pic?: number }; width?: number; height?: number; duration?: string; tags?: { rotate?: string }; side_data_list?: { rotation?: number }[] }[];
  format?: { duration?: string };
}

const CODEC_NAMES: Record<string, string> = { h264: 'H.264', hevc: 'H.265', mpeg4: 'MPEG-4', aac: 'AAC', mp3: 'MP3', amr_nb: 'AMR', amr_wb: 'AMR-WB', wmv1: 'WMV', wmv2: 'WMV', wmv3: 'WMV', vc1: 'VC-1', msmpeg4v3: 'MPEG-4 V3', wmav2: 'WMA', pcm_s16le: 'PCM', flv1: 'FLV', h263: 'H.263', vp9: 'VP9', av1: 'AV1', mjpeg: 'MJPEG' };
const codecName = (c: string | undefined) => (c ? (CODEC_NAMES[c] ?? c.toUpperCase()) : '');

/** null when this platform has no ffprobe; refuses a file with no audio or video stream in it. */
export async function readMediaInfo(file: string, what: '视频' | '音频'): Promise<MediaInfo | null> {
  const ffprobe = ffprobePath();
  if (!ffprobe) return null;
  const r = await run(ffprobe, ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height,duration:stream_disposition=attached_pic:stream_tags=rotate:stream_side_data=rotation:format=duration', '-of', 'json', file], 60_000);
  if (r.code === 'ENOENT' || r.code === 'EACCES') return null;
  let parsed: ProbeJson = {};
  try {
    parsed = JSON.parse(r.stdout) as ProbeJson;
  } catch {
    /* no JSON: refused below */
  }
  const streams = parsed.streams ?? [];
  // A recording's cover picture is a video stream too, marked as attached.
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video && !audio) throw new ApiError('bad_input', `不是可以播放的${what}文件（读不到其中的${what}内容，文件可能已损坏或不完整）`);
  const duration = Number(parsed.format?.duration ?? video?.duration ?? audio?.duration);
  const rotation = Math.abs(Number(video?.tags?.rotate ?? video?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0)) % 180 === 90;
  return {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? Math.round(duration * 10) / 10 : null,
    width: (rotation ? video?.height : video?.width) ?? null,
    height: (rotation ? video?.width : video?.height) ?? null,
    videoCodec: codecName(video?.codec_name),
    audioCodec: codecName(audio?.codec_name),
  };
}
