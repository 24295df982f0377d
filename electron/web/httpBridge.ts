import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { timingSafeEqual } from 'node:crypto';
import type { Handlers } from '../../shared/api';
import { ApiError, toErrorShape, type ErrorCode } from '../../shared/errors';
import { TOKEN_HEADER, type Envelope } from '../../shared/transport';
import type { Archive } from '../core/archive/archive';
import { ensureThumbnail } from '../core/materials/thumbnails';
import { callHandler } from '../core/handlers';
import { viewablePhoto } from '../core/photos/rendition';
import { uploadsDir } from '../core/materials/uploads';
import { isSha256 } from '../core/store/blobStore';
import { sanitizeUploadName } from '../core/store/safeFileName';

export interface HttpBridgeOptions {
  handlers: Handlers;
  archive: Archive;
  /** Built renderer (index.html + assets); the app shell holds no data and needs no token. */
  staticDir: string | null;
  host?: string;
  port?: number;
  token?: string;
  maxUploadBytes?: number;
  maxJsonBytes?: number;
}

export interface HttpBridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const statusByCode: Record<ErrorCode, number> = {
  invalid_args: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  bad_input: 422,
  forbidden: 403,
  renderer_unavailable: 409,
  internal: 500,
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module: a browser refuses to run it without a JavaScript type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Browser mode: the same handler map over loopback HTTP. Every API, upload and file request
 * must carry the random token (header, or `?token=` for <img> and download links); the Host
 * header must name the loopback address (blocks DNS rebinding), and a cross-origin POST is refused.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxUpload = options.maxUploadBytes ?? 2 * 1024 ** 3;
  const maxJson = options.maxJsonBytes ?? 8 * 1024 ** 2;
  const uploads = uploadsDir(options.archive);
  const expected = Buffer.from(token);

  const hasToken = (req: http.IncomingMessage, url: URL): boolean => {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? url.searchParams.get('token') ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendError(res, err));
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const port = (server.address() as AddressInfo).port;
    const allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
    if (!allowedHosts.has(String(req.headers.host ?? ''))) throw new ApiError('forbidden', '拒绝访问：主机名不符');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^https?:\/\//, ''))) {
      throw new ApiError('forbidden', '拒绝访问：来源不符');
    }
    const guarded = /^\/(api|files|thumbs|views|upload)(\/|$)/.test(url.pathname);
    if (guarded && !hasToken(req, url)) throw new ApiError('forbidden', '拒绝访问：缺少或错误的访问令牌');

    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const args = await readJson(req, maxJson);
      const result = await callHandler(options.handlers, method, args);
      return sendJson(res, 200, { ok: true, result });
    }
    if (url.pathname === '/upload' && req.method === 'POST') {
      const name = sanitizeUploadName(url.searchParams.get('name') ?? '');
      const dir = path.join(uploads, randomUUID());
      await fs.mkdir(dir, { recursive: true });
      const target = path.join(dir, name);
      await receiveFile(req, target, maxUpload).catch(async (err: unknown) => {
        await fs.rm(dir, { recursive: true, force: true });
        throw err;
      });
      return sendJson(res, 200, { ok: true, result: { path: target } });
    }
    const blobRoute = /^\/(files|thumbs|views)\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blobRoute && req.method === 'GET') {
      const [, route, sha] = blobRoute;
      const kinds = { files: 'original', thumbs: 'thumb', views: 'view' } as const;
      return sendBlob(res, kinds[route as keyof typeof kinds], sha);
    }
    if (req.method === 'GET' && options.staticDir && !guarded) return sendStatic(res, options.staticDir, url.pathname);
    throw new ApiError('not_found', '页面不存在');
  };

  /** original: the stored file as is; thumb: its thumbnail; view: a photo as a page can show it (HEIC as JPEG). */
  const sendBlob = async (res: http.ServerResponse, kind: 'original' | 'thumb' | 'view', sha: string): Promise<void> => {
    // Only hashes the archive knows: the route can never name an arbitrary file.
    const row = options.archive.db.prepare('SELECT media_type, thumbnail FROM blob WHERE sha256 = ?').get(sha) as
      | { media_type: string; thumbnail: number }
      | undefined;
    if (!row || !isSha256(sha) || (kind !== 'original' && !row.thumbnail)) throw new ApiError('not_found', '文件不存在');
    let file: string | null = options.archive.store.pathFor(sha);
    let contentType = row.media_type;
    if (kind === 'thumb') {
      file = await ensureThumbnail(options.archive, sha, row.media_type);
      if (!file) throw new ApiError('not_found', '文件不存在');
      contentType = 'image/webp';
    }
    if (kind === 'view') {
      const view = await viewablePhoto(options.archive, sha).catch(() => null);
      if (!view) throw new ApiError('not_found', '文件不存在');
      file = view.file;
      contentType = view.converted ? 'image/jpeg' : row.media_type;
    }
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) throw new ApiError('not_found', '文件不存在');
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': stat.size,
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    });
    await pipeline(createReadStream(file), res);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError('bad_input', '请求内容过大');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiError('invalid_args', '请求内容不是有效的 JSON');
  }
}

async function receiveFile(req: http.IncomingMessage, target: string, limit: number): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new ApiError('bad_input', `文件超过上传上限（${Math.round(limit / 1024 ** 2)} MB）`);
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) done(new ApiError('bad_input', `文件超过上传上限（${Math.round(limit / 1024 ** 2)} MB）`));
      else done(null, chunk);
    },
  });
  await pipeline(req, limiter, createWriteStream(target, { flags: 'wx' }));
}

async function sendStatic(res: http.ServerResponse, root: string, pathname: string): Promise<void> {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(root, rel);
  const inside = file.startsWith(path.resolve(root) + path.sep);
  const stat = inside ? await fs.stat(file).catch(() => null) : null;
  const target = stat?.isFile() ? file : path.join(root, 'index.html');
  const body = await fs.readFile(target).catch(() => null);
  if (!body) throw new ApiError('not_found', '界面文件不存在，请先运行 npm run build:renderer');
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(target)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: Envelope): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: http.ServerResponse, err: unknown): void {
  const error = toErrorShape(err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, statusByCode[error.code] ?? 500, { ok: false, error });
}
