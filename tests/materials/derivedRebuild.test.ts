// Trust issue, point 4: derived/ is rebuildable. With it deleted, or a thumbnail damaged, the
// list, the thumbnails, the photo previews and the packet still work: each derived file is made
// again from its original when asked for.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/transport';
import { createHandlers } from '../../electron/core/handlers';
import { startHttpBridge, type HttpBridge } from '../../electron/web/httpBridge';
import { exportJob } from '../helpers/exportJob';
import { openTestArchive, repoRoot, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { darkPixels, renderPage } from '../helpers/pdfTools';

describe('derived files rebuild themselves', () => {
  let t: TestArchive;
  let bridge: HttpBridge;
  let dossierId: number;
  let jpegSha: string;
  let heicSha: string;
  const get = (route: string) => fetch(`http://127.0.0.1:${bridge.port}/${route}`, { headers: { [TOKEN_HEADER]: bridge.token } });

  beforeAll(async () => {
    t = openTestArchive();
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    const leaf = s.indicators.find((i) => !s.indicators.some((c) => c.parentId === i.id))!;
    const dir = tempDir('dossier-derived-in-');
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#224488' } }).jpeg().toFile(path.join(dir, '志愿服务.jpg'));
    fs.copyFileSync(path.join(repoRoot, 'tests', 'fixtures', 'photos', 'iphone-portrait.heic'), path.join(dir, '现场.heic'));
    const added = await t.api['materials.add']({ dossierId, paths: [dir], indicatorIds: [leaf.id] });
    const bySuffix = (s: string) => added.added.find((a) => a.path.endsWith(s))!.material.sha256;
    jpegSha = bySuffix('.jpg');
    heicSha = bySuffix('.heic');
    bridge = await startHttpBridge({ handlers: createHandlers(t.ctx), archive: t.ctx.archive, staticDir: null });
  }, 60_000);
  afterAll(async () => {
    await bridge?.close();
    await t?.close();
  });

  it('serves thumbnails and previews again after derived/ was deleted', async () => {
    fs.rmSync(t.ctx.archive.derivedDir, { recursive: true, force: true });
    expect((await t.api['materials.list']({ dossierId })).every((m) => m.hasThumbnail)).toBe(true);
    for (const sha of [jpegSha, heicSha]) {
      const r = await get(`thumbs/${sha}`);
      expect(r.status, sha).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await r.arrayBuffer())).metadata();
      expect(meta.format).toBe('webp');
    }
    const view = await get(`views/${heicSha}`);
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toBe('image/jpeg');
    // The HEIC shows upright: stored 480×320 with a rotation, it reads 320×480.
    expect(await sharp(Buffer.from(await view.arrayBuffer())).metadata()).toMatchObject({ width: 320, height: 480 });
  });

  it('makes a damaged thumbnail again', async () => {
    const thumb = fs.readdirSync(path.join(t.ctx.archive.derivedDir, 'thumbs'), { recursive: true }).map(String).find((n) => n.includes(jpegSha))!;
    const file = path.join(t.ctx.archive.derivedDir, 'thumbs', thumb);
    fs.writeFileSync(file, 'not a picture any more');
    const r = await get(`thumbs/${jpegSha}`);
    expect(r.status).toBe(200);
    expect((await sharp(fs.readFileSync(file)).metadata()).format).toBe('webp');
    // Cut short, its header intact (a copy that stopped half-way).
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length >> 1));
    expect((await get(`thumbs/${jpegSha}`)).status).toBe(200);
    expect(fs.readFileSync(file).equals(whole)).toBe(true);
  });

  it('builds the packet with its photo pages without derived/', async () => {
    fs.rmSync(t.ctx.archive.derivedDir, { recursive: true, force: true });
    const job = await exportJob(t.api, { dossierId, outDir: path.join(tempDir('dossier-derived-out-'), 'out'), pdf: true, xlsx: false, folder: false });
    const pdf = job.result!.pdfPath!;
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
    const photoPage = pages.findIndex((p) => p.includes('现场')) + 1;
    expect(photoPage).toBeGreaterThan(0);
    expect(await darkPixels(renderPage(pdf, photoPage))).toBeGreaterThan(500);
  });
});
