// Photo pages as inspectors read them: each caption directly under its photo with 题名, the
// photo's own EXIF time (not the 组照's), 地点, 人物, 事由、背景, 摄影者; the 归档章 on every photo
// page as on documents; a portrait photo upright and as tall as the page allows.
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJob } from '../helpers/exportJob';
import { pdfText, renderPage } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { inputPath } from './fixtures';

/** A camera JPEG of one flat colour with its EXIF time. */
function cameraPhoto(width: number, height: number, color: string, takenAt: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'HUAWEI', Model: 'P40 Pro' }, IFD2: { DateTimeOriginal: takenAt } })
    .toBuffer();
}

interface Raster {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

async function raster(png: string): Promise<Raster> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at: (x, y) => {
      const i = (y * info.width + x) * 3;
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

/** Rows (top, bottom) and columns where the photo's colour fills the page. */
function photoBox(r: Raster, match: (p: [number, number, number]) => boolean) {
  let top = -1;
  let bottom = -1;
  let left = r.width;
  let right = -1;
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      if (!match(r.at(x, y))) continue;
      if (top < 0) top = y;
      bottom = y;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { top, bottom, left, right };
}

/** Dark (text) pixels in rows [from, to). */
function inkRows(r: Raster, from: number, to: number): number {
  let n = 0;
  for (let y = Math.max(0, from); y < Math.min(r.height, to); y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      const [a, b, c] = r.at(x, y);
      if (a < 150 && b < 150 && c < 150) n += 1;
    }
  }
  return n;
}

/** Red 归档章 pixels in the top-right corner (above the text area). */
function stampPixels(r: Raster): number {
  let n = 0;
  for (let y = 0; y < Math.round(r.height * 0.08); y += 1) {
    for (let x = Math.round(r.width * 0.6); x < r.width; x += 1) {
      const [a, b, c] = r.at(x, y);
      if (a > 150 && b < 90 && c < 90) n += 1;
    }
  }
  return n;
}

const isBlue = ([r, g, b]: [number, number, number]) => b > 150 && r < 80 && g < 120;
const isGreen = ([r, g, b]: [number, number, number]) => g > 130 && r < 80 && b < 100;

describe('photo pages', () => {
  let t: TestArchive;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    t = openTestArchive(path.join(tempDir('dossier-photos-'), 'archive'));
    const { dossier, indicators } = await sampleDossier(t.api);
    const leaf = indicators.find((i) => !indicators.some((j) => j.parentId === i.id))!;
    const inputs = path.join(t.dir, '..', 'inputs');
    const files = [
      [inputPath(inputs, '清扫街道1.jpg'), await cameraPhoto(900, 600, '#1f3fc8', '2024:03:05 09:12:00')],
      [inputPath(inputs, '清扫街道2.jpg'), await cameraPhoto(600, 900, '#1f9f3c', '2024:03:05 10:40:30')],
    ] as const;
    const fs = await import('node:fs');
    for (const [file, bytes] of files) fs.writeFileSync(file, bytes);
    const added = await t.api['materials.add']({ dossierId: dossier.id, paths: files.map(([f]) => f), indicatorIds: [leaf.id] });
    expect(added.failed).toEqual([]);
    const group = await t.api['materials.groupPhotos']({ dossierId: dossier.id, materialIds: added.added.map((a) => a.material.id), title: '学雷锋志愿服务' });
    await t.api['materials.updateGroup']({ materialId: group.id, photos: group.photos.map((p, i) => ({ sha256: p.sha256, caption: ['志愿者清扫街道', '志愿者合影'][i] })) });
    await t.api['materials.update']({
      materialId: group.id,
      fields: { photoTime: '2024-03-01 08:00', place: '社区广场', people: '青年志愿者', description: '学雷锋月集中服务', photographer: '宣传科李明' },
    });
    const packet = await t.api['packets.create']({ dossierId: dossier.id, name: '照片', definition: { archivalCode: { stamp: true } } as never });
    const job = await exportJob(t.api, { packetId: packet.id, outDir: path.join(t.dir, '..', 'out'), xlsx: false, folder: false });
    pdf = job.result!.pdfPath!;
    pages = Array.from({ length: job.result!.pageCount }, (_, i) => pdfText(pdf, i + 1));
  });

  afterAll(async () => {
    await t?.close();
  });

  const pageWith = (s: string) => pages.findIndex((p) => p.includes(s)) + 1;

  it('captions each photo with its own time and every filled field', () => {
    const first = pages[pageWith('志愿者清扫街道') - 1];
    const second = pages[pageWith('志愿者合影') - 1];
    expect(first).toContain('时间：2024-03-05 09:12');
    expect(second).toContain('时间：2024-03-05 10:40');
    for (const p of [first, second]) {
      expect(p).not.toContain('2024-03-01 08:00');
      for (const s of ['地点：社区广场', '人物：青年志愿者', '事由、背景：学雷锋月集中服务', '摄影者：宣传科李明']) expect(p).toContain(s);
    }
  });

  it('puts the caption directly under the photo, the 归档章 on each photo page, a portrait photo upright and large', async () => {
    for (const [caption, colour, portrait] of [['志愿者清扫街道', isBlue, false], ['志愿者合影', isGreen, true]] as const) {
      const r = await raster(renderPage(pdf, pageWith(caption), 60));
      const box = photoBox(r, colour);
      expect(box.top, caption).toBeGreaterThan(0);
      // Caption ink begins within 4 % of the page height below the photo, none above the photo.
      const below = Math.round(r.height * 0.04);
      expect(inkRows(r, box.bottom + 1, box.bottom + below), caption).toBeGreaterThan(20);
      expect(inkRows(r, Math.round(r.height * 0.1), box.top - 2), caption).toBe(0);
      expect(stampPixels(r), caption).toBeGreaterThan(40);
      const w = box.right - box.left;
      const h = box.bottom - box.top;
      if (portrait) {
        expect(h / w).toBeCloseTo(1.5, 1);
        // As tall as the text area allows once its caption is under it (over 60 % of the page).
        expect(h / r.height).toBeGreaterThan(0.6);
      } else {
        expect(w / h).toBeCloseTo(1.5, 1);
        expect(w / r.width).toBeGreaterThan(0.7);
      }
    }
  });
});
