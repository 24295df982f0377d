// Video and audio as clerks receive them: MP4, MOV, AVI, WMV, MKV, FLV, 3GP, MP3, M4A, WAV, AMR are
// accepted with their duration, resolution and codecs read from the file, a video's poster frame
// as its thumbnail; a cut-off video or a file that only claims to be one is refused with the
// reason and the batch goes on; a two-hour recording reads as 2:00:00. The clips are made here
// by the same bundled ffmpeg the app uses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationText, type AddReport } from '../../shared/domain';
import { thumbnailPath } from '../../electron/core/archive/archive';
import { ffmpegPath } from '../../electron/core/media/ffmpeg';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures/media', name);

describe('video and audio materials', { timeout: 300_000 }, () => {
  const dir = tempDir('dossier-video-');
  const inputs = path.join(dir, 'inputs');
  let t: TestArchive;
  let dossierId = 0;
  let report: AddReport;
  const ffmpeg = (...args: string[]) => execFileSync(ffmpegPath()!, ['-v', 'error', '-y', ...args]);

  beforeAll(async () => {
    fs.mkdirSync(inputs, { recursive: true });
    const source = fixture('活动视频.mp4');
    const at = (name: string) => path.join(inputs, name);
    fs.copyFileSync(source, at('活动视频.mp4'));
    fs.copyFileSync(fixture('采访录像.mov'), at('采访录像.mov'));
    fs.copyFileSync(fixture('旧录像.avi'), at('旧录像.avi'));
    fs.copyFileSync(fixture('讲话录音.mp3'), at('讲话录音.mp3'));
    ffmpeg('-i', source, '-t', '2', '-c:v', 'wmv2', '-c:a', 'wmav2', at('宣传片.wmv'));
    ffmpeg('-i', source, '-t', '2', at('志愿服务.mkv'));
    ffmpeg('-i', source, '-t', '2', '-c:v', 'flv', '-an', at('网上直播回放.flv'));
    ffmpeg('-i', source, '-t', '2', '-s', '352x288', '-c:v', 'h263', '-ar', '8000', '-ac', '1', '-c:a', 'libopencore_amrnb', at('老手机录像.3gp'));
    ffmpeg('-i', source, '-t', '2', '-vn', at('座谈录音.m4a'));
    ffmpeg('-i', source, '-t', '2', '-vn', at('讲座录音.wav'));
    ffmpeg('-i', source, '-t', '2', '-vn', '-ar', '8000', '-ac', '1', '-c:a', 'libopencore_amrnb', at('电话录音.amr'));
    // Two hours of a tiny picture: what matters is that the length is read, not the whole file.
    ffmpeg('-f', 'lavfi', '-i', 'color=c=navy:s=64x48:r=1', '-t', '7200', '-c:v', 'libx264', '-preset', 'ultrafast', at('全天会议录像.mp4'));
    const mkv = fs.readFileSync(at('志愿服务.mkv'));
    fs.writeFileSync(at('截断的录像.mkv'), mkv.subarray(0, Math.floor(mkv.length * 0.3)));
    fs.writeFileSync(at('其实是文字.wmv'), '这不是视频，只是一段文字。'.repeat(20));

    t = openTestArchive(path.join(dir, 'archive'));
    dossierId = (await sampleDossier(t.api)).dossier.id;
    report = await t.api['materials.add']({ dossierId, paths: [inputs] });
  });
  afterAll(async () => t?.close());

  const added = (name: string) => report.added.find((a) => a.material.originalName === name)?.material;

  it('accepts every format with what it is, how long and how large', () => {
    expect(report.failed.map((f) => path.basename(f.path)).sort()).toEqual(['其实是文字.wmv', '截断的录像.mkv']);
    const mp4 = added('活动视频.mp4')!;
    expect(mp4.kind).toBe('video');
    expect(mp4.media).toMatchObject({ videoCodec: 'H.264', audioCodec: 'AAC' });
    expect(mp4.media!.durationSeconds).toBeGreaterThan(0);
    expect(mp4.media!.width).toBeGreaterThan(0);
    for (const [name, codec] of [['宣传片.wmv', 'WMV'], ['志愿服务.mkv', 'H.264'], ['网上直播回放.flv', 'FLV'], ['老手机录像.3gp', 'H.263'], ['采访录像.mov', ''], ['旧录像.avi', '']] as const) {
      const m = added(name);
      expect(m, name).toBeDefined();
      expect(m!.kind, name).toBe('video');
      expect(m!.media!.durationSeconds, name).toBeGreaterThan(0);
      if (codec) expect(m!.media!.videoCodec, name).toBe(codec);
    }
    for (const [name, codec] of [['讲话录音.mp3', 'MP3'], ['座谈录音.m4a', 'AAC'], ['讲座录音.wav', 'PCM'], ['电话录音.amr', 'AMR']] as const) {
      const m = added(name)!;
      expect(m, name).toBeDefined();
      expect(m.media, name).toMatchObject({ audioCodec: codec, videoCodec: '', width: null });
      expect(m.hasThumbnail, name).toBe(false);
    }
    expect(durationText(added('全天会议录像.mp4')!.media!.durationSeconds)).toBe('2:00:00');
  });

  it('gives each video its poster frame as the thumbnail', async () => {
    for (const name of ['活动视频.mp4', '志愿服务.mkv', '老手机录像.3gp', '全天会议录像.mp4']) {
      const m = added(name)!;
      expect(m.hasThumbnail, name).toBe(true);
      const meta = await sharp(thumbnailPath(t.ctx.archive, m.sha256)).metadata();
      expect(meta.width! / meta.height!, name).toBeCloseTo(m.media!.width! / m.media!.height!, 1);
      // The poster is only the thumbnail: the preview still plays the video.
      expect((await t.api['materials.preview']({ materialId: m.id })).type, name).toBe('video');
    }
    // The navy test card: the poster shows it, not a black frame.
    const { dominant } = await sharp(thumbnailPath(t.ctx.archive, added('全天会议录像.mp4')!.sha256)).stats();
    expect(dominant.b).toBeGreaterThan(dominant.r + 40);
  });

  it('refuses a cut-off video and a file that only claims to be one, naming why', () => {
    const reason = (name: string) => report.failed.find((f) => path.basename(f.path) === name)!.reason;
    expect(reason('截断的录像.mkv')).toMatch(/视频/);
    expect(reason('其实是文字.wmv')).toContain('扩展名为 .wmv，但内容是纯文本，不是WMV 视频');
  });

  it('passes 四性检测 with every recording opened', async () => {
    const verified = await t.api['integrity.verify']({});
    expect(verified.problems).toEqual([]);
  });
});
