// Still frames of a video, by ffmpeg seeking to each time (it reads only around that point): the
// poster for the list and the preview, and the strip on the video's packet page.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ffmpegPath, run } from './ffmpeg';

/** One JPEG frame at `seconds` into `target`, at most `maxSide` pixels on its long side; false when none could be read. */
export async function frameAt(file: string, seconds: number, target: string, maxSide = 960): Promise<boolean> {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) return false;
  const scale = `scale='if(gt(iw,ih),min(${maxSide},iw),-2)':'if(gt(iw,ih),-2,min(${maxSide},ih))'`;
  const r = await run(ffmpeg, ['-v', 'error', '-y', '-ss', seconds.toFixed(2), '-i', file, '-frames:v', '1', '-vf', scale, '-q:v', '4', '-f', 'image2', target], 60_000);
  const written = await fs.stat(target).then((s) => s.size > 0, () => false);
  if (r.code !== 0 || !written) {
    await fs.rm(target, { force: true });
    return false;
  }
  return true;
}

/** The poster: a frame a tenth of the way in (past black openings), else the first. */
export async function posterFrame(file: string, durationSeconds: number | null, target: string): Promise<boolean> {
  if (durationSeconds && (await frameAt(file, durationSeconds / 10, target))) return true;
  return frameAt(file, 0, target);
}

/** `count` frames spread over the video (never the very first or last second), into `dir`. */
export async function frameStrip(file: string, durationSeconds: number | null, count: number, dir: string): Promise<{ seconds: number; file: string }[]> {
  await fs.mkdir(dir, { recursive: true });
  const times = durationSeconds ? Array.from({ length: count }, (_, i) => (durationSeconds * (i + 0.5)) / count) : [0];
  const frames: { seconds: number; file: string }[] = [];
  for (const [i, seconds] of times.entries()) {
    const target = path.join(dir, `frame-${i}.jpg`);
    if (await frameAt(file, seconds, target, 480)) frames.push({ seconds, file: target });
  }
  return frames;
}
