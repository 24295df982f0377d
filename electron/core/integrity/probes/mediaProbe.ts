import fs from 'node:fs/promises';
import { ffprobePath, run } from '../../media/ffmpeg';
import { timeoutForSize } from '../../workers/scriptWorker';
import { unchecked, unusable, usable, type Probe } from './types';

interface ProbeJson {
  streams?: { codec_type?: string; nb_read_packets?: string }[];
  format?: { duration?: string };
}

/**
 * Video and audio: ffprobe demuxes every packet (no decoding), so a truncated or damaged file
 * shows as errors; at least one audio or video stream with packets must be there.
 */
export async function probeMedia(file: string, mediaType: string): Promise<Probe> {
  const ffprobe = ffprobePath();
  const what = mediaType.startsWith('audio/') ? '音频' : '视频';
  if (!ffprobe) return unchecked(`本机没有可用的${what}检查程序（ffprobe），未能检查可用性`);
  const { size } = await fs.stat(file);
  const args = ['-v', 'error', '-count_packets', '-show_entries', 'stream=codec_type,nb_read_packets:format=duration', '-of', 'json', file];
  const result = await run(ffprobe, args, timeoutForSize(size));
  if (result.killed) return unchecked(`${what}在限定时间内未能检查完毕`);
  if (result.code === 'ENOENT' || result.code === 'EACCES') return unchecked(`${what}检查程序（ffprobe）无法运行，未能检查可用性`);
  let parsed: ProbeJson = {};
  try {
    parsed = JSON.parse(result.stdout) as ProbeJson;
  } catch {
    /* no JSON: the errors say why */
  }
  const streams = (parsed.streams ?? []).filter((s) => (s.codec_type === 'video' || s.codec_type === 'audio') && Number(s.nb_read_packets ?? 0) > 0);
  if (result.code !== 0 || result.stderr.trim() !== '' || streams.length === 0) {
    return unusable(`${what}文件无法完整读取（文件损坏或不完整）`);
  }
  return usable();
}
