// Issue 11, point 9: browser mode's HTTP bridge under hostile requests. Every bad request gets a
// 4xx with a short Chinese message, fast; no request can hold up the others or a connection for
// long; the page gets a strict set of headers; the token leaves the URL after the first load.
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/transport';
import { createHandlers } from '../../electron/core/handlers';
import { startHttpBridge, type HttpBridge } from '../../electron/web/httpBridge';
import { openTestArchive, tempDir } from '../helpers/tempArchive';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

describe('HTTP bridge under hostile input', () => {
  const archive = openTestArchive();
  const staticDir = tempDir();
  let bridge: HttpBridge;
  let host: string;

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><p>app</p>');
    bridge = await startHttpBridge({
      handlers: createHandlers(archive.ctx),
      archive: archive.ctx.archive,
      staticDir,
      // Short limits so the slow-client cases finish quickly; the defaults are checked below.
      timeouts: { headersMs: 2000, bodyIdleMs: 2000, jsonTotalMs: 3000, uploadGraceMs: 1500, uploadMinBytesPerSec: 64 * 1024 },
    });
    host = `127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge.close();
    await archive.close();
  });

  /** One raw request; `body` may be a function writing the body slowly. */
  const send = (
    method: string,
    target: string,
    headers: Record<string, string> = {},
    body?: string | Buffer | ((req: http.ClientRequest) => void),
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const length = typeof body === 'function' || body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
      const req = http.request({ host: '127.0.0.1', port: bridge.port, method, path: target, headers: { [TOKEN_HEADER]: bridge.token, ...length, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      });
      req.on('error', reject);
      if (typeof body === 'function') body(req);
      else req.end(body);
    });
  const message = (a: Answer) => (JSON.parse(a.body) as { error: { message: string } }).error.message;
  /** The technical text support reads under 详细信息 (the clerk's message stays one sentence). */
  const detail = (a: Answer) => (JSON.parse(a.body) as { error: { detail?: string } }).error.detail ?? '';

  it('answers a malformed escape with 400 and a Chinese message, not 500', async () => {
    for (const target of ['/api/%E0%A4%A', '/api/dossiers.list%', '/%E0%A4%A', '/assets/%ZZ.js']) {
      const a = await send(target.startsWith('/api/') ? 'POST' : 'GET', target, {}, '{}');
      expect(a.status, target).toBe(400);
      expect(a.body, target).toContain('{');
      expect(message(a), target).toMatch(/请求地址.*无效/);
    }
  });

  it('answers a wrong method with 405 and the methods allowed', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/api/dossiers.list', 'POST'],
      ['DELETE', '/api/dossiers.list', 'POST'],
      ['GET', '/api/dossiers.list', 'POST'],
      ['GET', '/upload?name=a.txt', 'POST'],
      ['POST', `/files/${'a'.repeat(64)}`, 'GET, HEAD'],
      ['DELETE', `/thumbs/${'a'.repeat(64)}`, 'GET, HEAD'],
      ['PUT', '/index.html', 'GET, HEAD'],
    ];
    for (const [method, target, allow] of cases) {
      const a = await send(method, target, {}, method === 'GET' ? undefined : '{}');
      expect(a.status, `${method} ${target}`).toBe(405);
      expect(a.headers.allow, `${method} ${target}`).toBe(allow);
      expect(message(a)).toContain('不支持');
    }
  });

  it('refuses an 8 MB deeply nested body at once, while other requests go on', async () => {
    const n = 4 * 1024 * 1024 - 1024;
    const deep = '['.repeat(n) + ']'.repeat(n);
    const pending = send('POST', '/api/dossiers.create', { 'content-type': 'application/json' }, deep);
    await new Promise((r) => setTimeout(r, 20));
    const other = await send('POST', '/api/dossiers.list', {}, '{}');
    const refused = await pending;
    expect(other.status).toBe(200);
    // Unguarded, JSON.parse and validation of this body held the event loop for 6 s.
    expect(other.ms).toBeLessThan(2500);
    expect(refused.status).toBe(400);
    expect(message(refused)).toContain('嵌套');
    expect(refused.ms).toBeLessThan(2500);
  });

  it('refuses 400,000 keys with a short message', async () => {
    const keys = Array.from({ length: 400_000 }, (_, i) => `"k${i}":0`).join(',');
    const a = await send('POST', '/api/dossiers.create', {}, `{"name":"x",${keys}}`);
    expect(a.status).toBe(400);
    expect(message(a)).toContain('字段');
    expect(Buffer.byteLength(a.body)).toBeLessThan(1024);
  });

  it('names only a few unknown keys when validation fails', async () => {
    const args: Record<string, unknown> = { name: '档案' };
    for (let i = 0; i < 5000; i += 1) args[`unexpected_field_with_a_long_name_${i}`] = i;
    const a = await send('POST', '/api/dossiers.create', {}, JSON.stringify(args));
    expect(a.status).toBe(400);
    expect(Buffer.byteLength(a.body)).toBeLessThanOrEqual(2048);
    expect(detail(a)).toContain('unexpected_field_with_a_long_name_0');
    expect(detail(a)).not.toContain('unexpected_field_with_a_long_name_10');
    expect(detail(a)).toContain('5000');
  });

  it('times out a trickled JSON body with 408', async () => {
    let timer: NodeJS.Timeout | undefined;
    const trickled = await send('POST', '/api/dossiers.list', { 'content-length': '1000' }, (req) => {
      req.write(' ');
      timer = setInterval(() => req.write(' '), 200);
      req.on('close', () => clearInterval(timer));
    });
    clearInterval(timer);
    expect(trickled.status).toBe(408);
    expect(message(trickled)).toContain('超时');
    expect(trickled.ms).toBeLessThan(6000);

    const stalled = await send('POST', '/api/dossiers.list', { 'content-length': '1000' }, (req) => req.write('{'));
    expect(stalled.status).toBe(408);
    expect(stalled.ms).toBeLessThan(6000);
  });

  it('times out an upload slower than the minimum rate, leaving no file', async () => {
    let timer: NodeJS.Timeout | undefined;
    const slow = await send('POST', '/upload?name=slow.bin', { 'content-length': String(10 * 1024 * 1024) }, (req) => {
      timer = setInterval(() => req.write(Buffer.alloc(1024, 1)), 100);
      req.on('close', () => clearInterval(timer));
    });
    clearInterval(timer);
    expect(slow.status).toBe(408);
    expect(slow.ms).toBeLessThan(8000);
    const uploads = path.join(archive.ctx.archive.tmpDir, 'uploads');
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  });

  /** Sends `head`, then one `more` every 200 ms until the bridge closes: its reply and how long that took. */
  async function trickle(head: string, more: string): Promise<{ received: string; ms: number }> {
    const started = performance.now();
    const socket = net.connect(bridge.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (d: string) => (received += d));
    // The bridge may reset the connection after its answer (the client is still writing): a refusal ending, not a failure.
    socket.on('error', () => {});
    socket.write(head);
    const timer = setInterval(() => socket.write(more), 200);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(timer);
    return { received, ms: performance.now() - started };
  }

  it('does not keep reading a refused body at the client\'s pace', async () => {
    const { received, ms } = await trickle(`POST /api/dossiers.list HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1000000\r\n\r\n{`, ' ');
    expect(received).toMatch(/^HTTP\/1\.1 403/);
    expect(ms).toBeLessThan(5000);
  });

  it('closes a connection whose headers trickle in', async () => {
    const { received, ms } = await trickle(`POST /api/dossiers.list HTTP/1.1\r\nHost: ${host}\r\n`, 'X');
    expect(ms).toBeLessThan(7000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('keeps the defaults short: headers, body and total time bounded', async () => {
    const b = await startHttpBridge({ handlers: createHandlers(archive.ctx), archive: archive.ctx.archive, staticDir: null });
    try {
      expect(b.limits.headersMs).toBeLessThanOrEqual(15_000);
      expect(b.limits.bodyIdleMs).toBeLessThanOrEqual(15_000);
      expect(b.limits.jsonTotalMs).toBeLessThanOrEqual(15_000);
      expect(b.limits.maxJsonDepth).toBe(64);
      expect(b.limits.maxJsonKeys).toBe(10_000);
    } finally {
      await b.close();
    }
  });

  it('sends CSP with frame-ancestors, no-referrer and nosniff', async () => {
    for (const [method, target, body] of [['GET', '/', undefined], ['POST', '/api/dossiers.list', '{}'], ['GET', '/nowhere', undefined]] as const) {
      const a = await send(method, target, {}, body);
      expect(a.headers['content-security-policy'], target).toContain("frame-ancestors 'none'");
      expect(a.headers['referrer-policy'], target).toBe('no-referrer');
      expect(a.headers['x-content-type-options'], target).toBe('nosniff');
    }
    const page = await send('GET', '/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  describe('the token leaves the URL after the first page load', () => {
    const noToken = { [TOKEN_HEADER]: '' };
    let cookie = '';

    it('sets an HttpOnly, SameSite=Strict cookie and redirects to the URL without the token', async () => {
      const first = await send('GET', `/?token=${bridge.token}`, noToken);
      expect([302, 303]).toContain(first.status);
      expect(first.headers.location).toBe('/');
      const setCookie = first.headers['set-cookie']?.[0] ?? '';
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      expect(setCookie).toMatch(/Path=\//);
      expect(setCookie).not.toMatch(/Domain=/i);
      expect(setCookie).not.toContain(bridge.token);
      cookie = setCookie.split(';')[0];
      expect(first.headers['cache-control']).toBe('no-store');
    });

    it('authenticates API calls and file requests by that cookie', async () => {
      expect((await send('POST', '/api/dossiers.list', { ...noToken, cookie }, '{}')).status).toBe(200);
      expect((await send('GET', `/files/${'a'.repeat(64)}`, { ...noToken, cookie })).status).toBe(404); // past the guard
      expect((await send('GET', '/', { ...noToken, cookie })).status).toBe(200);
      // A wrong cookie, and the right one sent by a page of another site or origin.
      const forged = cookie.replace(/=.*/, '=forged');
      expect((await send('POST', '/api/dossiers.list', { ...noToken, cookie: forged }, '{}')).status).toBe(403);
      expect((await send('POST', '/api/dossiers.list', { ...noToken, cookie, 'sec-fetch-site': 'cross-site' }, '{}')).status).toBe(403);
      expect((await send('GET', `/files/${'a'.repeat(64)}`, { ...noToken, cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403);
      expect((await send('POST', '/api/dossiers.list', { ...noToken, cookie, origin: 'http://127.0.0.1:1' }, '{}')).status).toBe(403);
    });

    it('accepts the token in the query only for the page load', async () => {
      for (const [method, target] of [
        ['POST', `/api/dossiers.list?token=${bridge.token}`],
        ['GET', `/files/${'a'.repeat(64)}?token=${bridge.token}`],
        ['GET', `/thumbs/${'a'.repeat(64)}?token=${bridge.token}`],
        ['POST', `/upload?name=x.txt&token=${bridge.token}`],
      ] as const) {
        expect((await send(method, target, noToken, method === 'POST' ? '{}' : undefined)).status, target).toBe(403);
      }
      const wrong = await send('GET', '/?token=wrong', noToken);
      expect(wrong.status).toBe(403);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });
  });
});
