// Point 6: in browser mode every API method, upload and file request without the token is
// refused before it reaches the core; uploads are size-limited and land only in tmp/uploads.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api';
import { TOKEN_HEADER } from '../../shared/transport';
import { createHandlers } from '../../electron/core/handlers';
import { startHttpBridge, type HttpBridge } from '../../electron/web/httpBridge';
import { openTestArchive, tempDir } from '../helpers/tempArchive';

describe('browser mode token and upload limits', () => {
  const archive = openTestArchive();
  let bridge: HttpBridge;
  let base: string;
  const uploads = () => path.join(archive.ctx.archive.tmpDir, 'uploads');
  const listUploads = () => (fs.existsSync(uploads()) ? fs.readdirSync(uploads()) : []);

  beforeAll(async () => {
    bridge = await startHttpBridge({ handlers: createHandlers(archive.ctx), archive: archive.ctx.archive, staticDir: null, maxUploadBytes: 64 * 1024 });
    base = `http://127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge.close();
    await archive.close();
  });

  it(`refuses each of the ${apiMethods.length} API methods without the token, and changes nothing`, async () => {
    const before = archive.ctx.archive.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const outside = tempDir('dossier-token-');
    for (const method of apiMethods) {
      const variants: Record<string, string>[] = [{}, { [TOKEN_HEADER]: 'x'.repeat(bridge.token.length) }];
      for (const headers of variants) {
        // Plausible arguments, so a missing check would have reached the handler.
        const r = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ outDir: outside, dossierId: 1, name: '越权', paths: [outside] }),
        });
        expect(r.status, method).toBe(403);
        expect(await r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(archive.ctx.archive.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('refuses uploads and file requests without the token, writing nothing', async () => {
    const up = await fetch(`${base}/upload?name=a.txt`, { method: 'POST', body: 'hello' });
    expect(up.status).toBe(403);
    expect(listUploads()).toEqual([]);
    for (const route of ['files', 'thumbs', 'views']) {
      expect((await fetch(`${base}/${route}/${'a'.repeat(64)}`)).status).toBe(403);
      expect((await fetch(`${base}/${route}/${'a'.repeat(64)}?token=wrong`)).status).toBe(403);
    }
  });

  it('refuses an upload over the size limit and leaves no partial file', async () => {
    const big = Buffer.alloc(200 * 1024, 1);
    const r = await fetch(`${base}/upload?name=big.bin`, { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: big });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('上传上限');
    expect(listUploads()).toEqual([]);
  });

  it('writes an upload only inside the archive temp folder, whatever the name says', async () => {
    for (const name of ['../../../etc/cron.d/x', '..\\..\\x.txt', '/abs/path.txt', 'C:\\Windows\\x.txt', 'CON', '']) {
      const r = await fetch(`${base}/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: 'x' });
      expect(r.status, name).toBe(200);
      const { result } = (await r.json()) as { result: { path: string } };
      const rel = path.relative(uploads(), result.path);
      expect(rel.startsWith('..') || path.isAbsolute(rel), `${name} → ${result.path}`).toBe(false);
      expect(rel.split(path.sep)).toHaveLength(2); // <uuid>/<one safe name>
    }
  });
});
