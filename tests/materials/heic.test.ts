// iPhone HEIC photos are real materials: the original is kept byte for byte, while the
// thumbnail, the preview and the packet PDF show it upright as JPEG/WebP; EXIF fills the date.
// A damaged HEIC is refused with its reason and the batch goes on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Material } from '../../shared/domain';
import { TOKEN_HEADER } from '../../shared/transport';
import { thumbnailPath } from '../../electron/core/archive/archive';
import { renditionPath } from '../../electron/core/photos/rendition';
import { createHandlers } from '../../electron/core/handlers';
import { startHttpBridge, type HttpBridge } from '../../electron/web/httpBridge';
import { waitForExport } from '../helpers/exportJob';
import { darkPixels, renderPage } from '../helpers/pdfTools';
import { openTestArchive, repoRoot, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { photo } from './fixtures';

/** Stored 480×320 with a red block top-left and a dark band at the bottom; irot turns it to 320×480. */
const HEIC = path.join(repoRoot, 'tests/fixtures/photos/iphone-portrait.heic');

/** The colour at a point given as fractions of the width and height. */
async function colourAt(image: Buffer | string, fx: number, fy: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(fy * info.height) * info.width + Math.floor(fx * info.width)) * 3;
  return [data[i], data[i + 1], data[i + 2]];
}

const isRed = ([r, g, b]: [number, number, number]) => r > 170 && g < 80 && b < 80;
const isDark = ([r, g, b]: [number, number, number]) => r < 60 && g < 60 && b < 70;

/** Upright: red block top-right, dark band down the left; not left as stored nor turned twice. */
async function expectUpright(image: Buffer | string, width: number, height: number): Promise<void> {
  const meta = await sharp(image).metadata();
  expect([meta.width, meta.height]).toEqual([width, height]);
  expect(isRed(await colourAt(image, 0.9, 0.05))).toBe(true);
  expect(isDark(await colourAt(image, 0.03, 0.5))).toBe(true);
  expect(isRed(await colourAt(image, 0.1, 0.05))).toBe(false);
}

describe('HEIC photos', () => {
  const dir = tempDir('dossier-heic-');
  let t: TestArchive;
  let dossierId: number;
  let leafId: number;
  let heic: Material;
  const original = fs.readFileSync(HEIC);

  beforeAll(async () => {
    t = openTestArchive();
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    leafId = sample.indicators.find((i) => !sample.indicators.some((c) => c.parentId === i.id))!.id;
    const file = path.join(dir, 'IMG_4032.HEIC');
    fs.copyFileSync(HEIC, file);
    const report = await t.api['materials.add']({ dossierId, paths: [file], indicatorIds: [leafId] });
    expect(report.failed).toEqual([]);
    heic = report.added[0].material;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('files an iPhone HEIC as a photo and keeps the original byte for byte', () => {
    expect(heic.kind).toBe('photo');
    expect(heic.mediaType).toBe('image/heic');
    expect(heic.hasThumbnail).toBe(true);
    expect(fs.readFileSync(t.ctx.archive.store.pathFor(heic.sha256)).equals(original)).toBe(true);
    const blob = t.ctx.archive.db.prepare('SELECT width, height FROM blob WHERE sha256 = ?').get(heic.sha256);
    expect(blob).toEqual({ width: 320, height: 480 });
  });

  it('makes an upright thumbnail and JPEG rendition (irot applied once, EXIF orientation not again)', async () => {
    const thumb = thumbnailPath(t.ctx.archive, heic.sha256);
    expect((await sharp(thumb).metadata()).format).toBe('webp');
    await expectUpright(thumb, 213, 320); // 320 on the long side
    const view = renditionPath(t.ctx.archive, heic.sha256);
    expect((await sharp(view).metadata()).format).toBe('jpeg');
    await expectUpright(view, 320, 480);
  });

  it('prefills the date, time, GPS and camera from the HEIC’s EXIF', () => {
    expect(heic.exif).toEqual({ takenAt: '2023-11-05 14:30:00', gps: { latitude: 31.2304, longitude: 121.4737 }, camera: 'Apple iPhone 13' });
    expect(heic.date).toBe('20231105');
    expect(heic.photoTime).toBe('2023-11-05 14:30');
  });

  it('refuses a cut-off HEIC with the reason, naming the file, while the rest of the batch is filed', async () => {
    const cut = path.join(dir, '传到一半的照片.heic');
    fs.writeFileSync(cut, original.subarray(0, Math.floor(original.length * 0.7)));
    const jpeg = path.join(dir, '志愿服务现场.jpg');
    fs.writeFileSync(jpeg, await photo({ color: '#2a6' }));
    const report = await t.api['materials.add']({ dossierId, paths: [cut, jpeg] });
    expect(report.added.map((a) => a.material.title)).toEqual(['志愿服务现场']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].path).toBe(cut);
    expect(report.failed[0].reason).toContain('HEIC 照片已损坏或不完整');
    // Nothing of the refused file stayed behind.
    expect(fs.readdirSync(t.ctx.archive.tmpDir).filter((f) => !f.startsWith('uploads') && f !== 'session.json')).toEqual([]);
  });

  it('counts the HEIC as usable in the integrity check (四性检测)', async () => {
    const { probeImage } = await import('../../electron/core/integrity/probes/imageProbe');
    expect(await probeImage(t.ctx.archive.store.pathFor(heic.sha256))).toMatchObject({ unusable: null, width: 320, height: 480 });
  });

  it('puts the photo into the packet PDF upright as a JPEG, not a placeholder page', async () => {
    const outDir = path.join(dir, 'out');
    const { jobId } = await t.api['packets.export']({ dossierId, outDir });
    const job = await waitForExport(t.api, jobId);
    expect(job.state).toBe('done');
    const pdf = job.result!.pdfPath!;
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image');
    expect(images.map((cols) => `${cols[3]}x${cols[4]} ${cols[8]}`)).toContain('320x480 jpeg');

    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const index = pages.findIndex((p) => p.includes(`题名：${heic.title}`));
    expect(index).toBeGreaterThan(0);
    expect(pages[index]).not.toContain('无法解码');
    const png = renderPage(pdf, index + 1, 40);
    // The photo fills the top of the page: its dark band and red block are there in ink.
    expect(await darkPixels(png, { top: 0.1, bottom: 0.8 })).toBeGreaterThan(1000);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += 3) if (isRed([data[i], data[i + 1], data[i + 2]])) red += 1;
    expect(red / (info.width * info.height)).toBeGreaterThan(0.01);
  }, 120_000);

  describe('in browser mode', () => {
    let bridge: HttpBridge;
    let base: string;
    beforeAll(async () => {
      bridge = await startHttpBridge({ handlers: createHandlers(t.ctx), archive: t.ctx.archive, staticDir: null });
      base = `http://127.0.0.1:${bridge.port}`;
    });
    afterAll(async () => bridge?.close());

    it('serves the preview as JPEG while 打开原件 gives the HEIC itself', async () => {
      const view = await fetch(`${base}/views/${heic.sha256}`, { headers: { [TOKEN_HEADER]: bridge.token } });
      expect(view.status).toBe(200);
      expect(view.headers.get('content-type')).toBe('image/jpeg');
      await expectUpright(Buffer.from(await view.arrayBuffer()), 320, 480);
      const file = await fetch(`${base}/files/${heic.sha256}`, { headers: { [TOKEN_HEADER]: bridge.token } });
      expect(file.headers.get('content-type')).toBe('image/heic');
      expect(Buffer.from(await file.arrayBuffer()).equals(original)).toBe(true);
      expect((await fetch(`${base}/views/${heic.sha256}`)).status).toBe(403);
    });

    it('rebuilds a missing rendition from the original (derived files are rebuildable)', async () => {
      fs.rmSync(renditionPath(t.ctx.archive, heic.sha256));
      const view = await fetch(`${base}/views/${heic.sha256}`, { headers: { [TOKEN_HEADER]: bridge.token } });
      expect(view.status).toBe(200);
      await expectUpright(Buffer.from(await view.arrayBuffer()), 320, 480);
      expect(fs.existsSync(renditionPath(t.ctx.archive, heic.sha256))).toBe(true);
    });
  });
});
