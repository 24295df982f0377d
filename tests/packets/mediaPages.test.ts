// A video and a recording in the packet: a page each saying what it is (题名, 时长, 分辨率, 编码,
// size) and where the file lies in the folder export; a video's page shows frames from across it
// (rendered with pdftoppm: the frames' colours are there, in time order), a recording's none.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../electron/core/media/ffmpeg';
import { exportJob } from '../helpers/exportJob';
import { pdfText, renderPage } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { inputPath } from './fixtures';

describe('video and audio pages in the packet', { timeout: 300_000 }, () => {
  let t: TestArchive;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    t = openTestArchive(path.join(tempDir('dossier-media-pages-'), 'archive'));
    const { dossier, indicators } = await sampleDossier(t.api);
    const leaf = indicators.find((i) => !indicators.some((j) => j.parentId === i.id))!;
    const inputs = path.join(t.dir, '..', 'inputs');
    const video = inputPath(inputs, '志愿服务宣传片.mp4');
    const audio = inputPath(inputs, '座谈会录音.m4a');
    // Red for the first half minute, then blue: the strip's first frames red, its last blue.
    execFileSync(ffmpegPath()!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=red:s=320x180:r=5:d=30', '-f', 'lavfi', '-i', 'color=c=blue:s=320x180:r=5:d=30', '-filter_complex', '[0:v][1:v]concat=n=2:v=1[v]', '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', video]);
    execFileSync(ffmpegPath()!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=95', audio]);
    const added = await t.api['materials.add']({ dossierId: dossier.id, paths: [video, audio], indicatorIds: [leaf.id] });
    expect(added.failed).toEqual([]);
    const packet = await t.api['packets.create']({ dossierId: dossier.id, name: '音视频', definition: {} as never });
    const job = await exportJob(t.api, { packetId: packet.id, outDir: path.join(t.dir, '..', 'out'), xlsx: false, folder: true });
    pdf = job.result!.pdfPath!;
    pages = Array.from({ length: job.result!.pageCount }, (_, i) => pdfText(pdf, i + 1));
  });
  afterAll(async () => t?.close());

  const pageWith = (s: string) => pages.findIndex((p) => p.includes(s) && p.includes('原件位置')) + 1;

  it('describes each recording with its duration, size and place in the folder export', () => {
    const videoPage = pages[pageWith('志愿服务宣传片') - 1].replace(/\s+/g, ' ');
    for (const s of ['音视频资料', '时长', '1:00', '分辨率', '320×180', '编码', 'H.264', '原件位置', '志愿服务宣传片', '画面截取']) expect(videoPage).toContain(s);
    const audioPage = pages[pageWith('座谈会录音') - 1].replace(/\s+/g, ' ');
    for (const s of ['时长', '1:35', 'AAC', '原件位置']) expect(audioPage).toContain(s);
    expect(audioPage).not.toContain('画面截取');
    expect(audioPage).not.toContain('分辨率');
  });

  it('shows frames from across the video, in time order', async () => {
    const png = renderPage(pdf, pageWith('志愿服务宣传片'), 40);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    // Per image row band: red and blue pixels; red bands come before blue ones.
    const rows: { red: number; blue: number }[] = [];
    for (let y = 0; y < info.height; y += 1) {
      let red = 0;
      let blue = 0;
      for (let x = 0; x < info.width; x += 1) {
        const i = (y * info.width + x) * 3;
        if (data[i] > 180 && data[i + 1] < 80 && data[i + 2] < 80) red += 1;
        if (data[i + 2] > 180 && data[i] < 80 && data[i + 1] < 80) blue += 1;
      }
      rows.push({ red, blue });
    }
    const redRows = rows.map((r, y) => (r.red > 20 ? y : -1)).filter((y) => y >= 0);
    const blueRows = rows.map((r, y) => (r.blue > 20 ? y : -1)).filter((y) => y >= 0);
    expect(redRows.length).toBeGreaterThan(10);
    expect(blueRows.length).toBeGreaterThan(10);
    // Three frames a row: the first row red, the second blue.
    expect(Math.max(...redRows)).toBeLessThan(Math.min(...blueRows));
  });
});
