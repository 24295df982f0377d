// Browser mode's bridge: the token (header, or the cookie the first page load sets) guards every
// API, upload and file request; the same schemas validate arguments; uploads land only inside
// the archive's temp folder.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/transport';
import { createHandlers } from '../../electron/core/handlers';
import { startHttpBridge, type HttpBridge } from '../../electron/web/httpBridge';
import { fixture } from '../helpers/fixtureFiles';
import { soffice } from '../helpers/legacyOfficeFiles';
import { pdfText } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';

describe('HTTP bridge', () => {
  const archive = openTestArchive();
  let bridge: HttpBridge;
  let base: string;
  const call = (method: string, args: unknown, token: string | null = bridge.token) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { [TOKEN_HEADER]: token }) },
      body: JSON.stringify(args),
    });

  beforeAll(async () => {
    bridge = await startHttpBridge({
      handlers: createHandlers(archive.ctx),
      archive: archive.ctx.archive,
      staticDir: null,
      maxUploadBytes: 1024 * 1024,
    });
    base = `http://127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge.close();
    await archive.close();
  });

  it('binds to loopback and prints a URL with the token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    for (const token of [null, '', 'wrong-token']) {
      const r = await call('dossiers.list', {}, token);
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses requests naming another host (DNS rebinding) or from another origin', async () => {
    const http = await import('node:http');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: bridge.port, path: '/api/dossiers.list', method: 'POST', headers: { [TOKEN_HEADER]: bridge.token, ...headers } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    expect(await status({ host: 'evil.example:80' })).toBe(403);
    expect(await status({ origin: 'http://evil.example' })).toBe(403);
    expect(await status({})).toBe(200);
  });

  it('validates arguments with the shared schemas and answers in Chinese', async () => {
    const r = await call('dossiers.create', { name: '' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string } };
    expect(body.error.message).toContain('请填写档案名称');
    expect((await call('no.such.method', {})).status).toBe(404);
  });

  it('uploads into the archive temp folder, adds the file, and serves it back only with the token', async () => {
    const { dossier, indicators } = await sampleDossier(archive.api);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#36c' } }).jpeg().toBuffer();
    const up = await fetch(`${base}/upload?name=${encodeURIComponent('../../志愿服务活动.jpg')}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: bridge.token },
      body: jpeg,
    });
    const uploaded = (await up.json()) as { result: { path: string } };
    const uploadsDir = path.join(archive.ctx.archive.tmpDir, 'uploads');
    expect(path.relative(uploadsDir, uploaded.result.path).startsWith('..')).toBe(false);
    expect(path.basename(uploaded.result.path)).toBe('志愿服务活动.jpg');

    const leaf = indicators.find((i) => i.code === '3.2')!;
    const added = await call('materials.add', { dossierId: dossier.id, paths: [uploaded.result.path], indicatorIds: [leaf.id] });
    const report = (await added.json()) as { result: { added: { material: { sha256: string; title: string } }[] } };
    expect(report.result.added[0].material.title).toBe('志愿服务活动');
    expect(fs.existsSync(uploaded.result.path)).toBe(false);

    const sha = report.result.added[0].material.sha256;
    const withToken = { headers: { [TOKEN_HEADER]: bridge.token } };
    expect((await fetch(`${base}/files/${sha}`)).status).toBe(403);
    const file = await fetch(`${base}/files/${sha}`, withToken);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(jpeg)).toBe(true);
    expect((await fetch(`${base}/thumbs/${sha}`, withToken)).status).toBe(200);
    expect((await fetch(`${base}/files/${'0'.repeat(64)}`, withToken)).status).toBe(404);
    expect((await fetch(`${base}/files/..%2F..%2Farchive.db`, withToken)).status).toBe(404);
  });

  it.skipIf(!soffice())("serves a legacy Word file's converted pages once its preview has made them, only with the token", { timeout: 180_000 }, async () => {
    const { dossier } = await sampleDossier(archive.api);
    const doc = path.join(tempDir('dossier-bridge-doc-'), '工作计划.doc');
    fs.writeFileSync(doc, fixture('office', '工作计划.doc'));
    const added = await archive.api['materials.add']({ dossierId: dossier.id, paths: [doc] });
    const material = added.added[0].material;
    const withToken = { headers: { [TOKEN_HEADER]: bridge.token } };
    expect((await call('materials.preview', { materialId: material.id }).then((r) => r.json())).result).toEqual({ type: 'office', converted: true });
    expect((await fetch(`${base}/converted/${material.sha256}`)).status).toBe(403);
    const pdf = await fetch(`${base}/converted/${material.sha256}`, withToken);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(tempDir('dossier-bridge-pdf-'), 'converted.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    expect(pdfText(file).replace(/\s+/g, '')).toContain('每月召开一次创建工作推进会');
    expect((await fetch(`${base}/converted/${'0'.repeat(64)}`, withToken)).status).toBe(404);
  });

  it('refuses uploads over the size limit and leaves nothing behind', async () => {
    const r = await fetch(`${base}/upload?name=big.bin`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: bridge.token },
      body: Buffer.alloc(2 * 1024 * 1024, 1),
    });
    expect(r.status).toBe(422);
    const uploadsDir = path.join(archive.ctx.archive.tmpDir, 'uploads');
    const left = fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir) : [];
    expect(left).toEqual([]);
  });

  it('serves nothing outside the static folder', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>app</p>');
    const b = await startHttpBridge({ handlers: createHandlers(archive.ctx), archive: archive.ctx.archive, staticDir: dir });
    try {
      const r = await fetch(`http://127.0.0.1:${b.port}/..%2F..%2Fetc%2Fpasswd`);
      expect(await r.text()).toBe('<p>app</p>');
    } finally {
      await b.close();
    }
  });

  it('serves built assets byte for byte, cached as immutable, and finds one built after a miss', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>app</p>');
    fs.mkdirSync(path.join(dir, 'assets'));
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256));
    fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), bytes);
    const b = await startHttpBridge({ handlers: createHandlers(archive.ctx), archive: archive.ctx.archive, staticDir: dir });
    try {
      for (let i = 0; i < 2; i += 1) {
        const r = await fetch(`http://127.0.0.1:${b.port}/assets/main-abc123.js`);
        expect(r.headers.get('content-type')).toContain('javascript');
        expect(r.headers.get('cache-control')).toContain('immutable');
        expect(Buffer.from(await r.arrayBuffer()).equals(bytes)).toBe(true);
      }
      // Not there yet: the page, as for any unknown path; once built, the file itself.
      const missing = await fetch(`http://127.0.0.1:${b.port}/assets/late-def456.js`);
      expect(await missing.text()).toBe('<p>app</p>');
      fs.writeFileSync(path.join(dir, 'assets', 'late-def456.js'), 'export {};');
      const late = await fetch(`http://127.0.0.1:${b.port}/assets/late-def456.js`);
      expect(await late.text()).toBe('export {};');
    } finally {
      await b.close();
    }
  });
});
