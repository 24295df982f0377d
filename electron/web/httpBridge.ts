import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Handlers } from '../../shared/api';
import { ApiError, toErrorShape, type ErrorCode } from '../../shared/errors';
import type { Envelope, FileVariant } from '../../shared/transport';
import type { Archive } from '../core/archive/archive';
import { ensureThumbnail } from '../core/materials/thumbnails';
import { callHandler } from '../core/handlers';
import { viewablePhoto } from '../core/photos/rendition';
import { officePdfPath } from '../core/convert/officePdf';
import { uploadsDir } from '../core/materials/uploads';
import { isSha256 } from '../core/store/blobStore';
import { sanitizeUploadName } from '../core/store/safeFileName';
import { HttpError } from './httpError';
import { readJson, receiveFile, type BodyTimeouts } from './requestBody';
import { downloadTarget } from './downloadTarget';
import { securityHeaders } from './securityHeaders';
import { createSession } from './session';
import { contentTypeOf, decodePathname, hashedAssetCache, resolveStaticPath } from './staticFiles';

type AssetCache = ReturnType<typeof hashedAssetCache>;

export interface BridgeTimeouts {
  /** Request line and headers. */
  headersMs: number;
  /** Longest pause inside a body. */
  bodyIdleMs: number;
  /** A whole API call's body. */
  jsonTotalMs: number;
  /** An upload's start-up time before its rate is checked. */
  uploadGraceMs: number;
  /** An upload's slowest average rate: bounds its total time by its size. */
  uploadMinBytesPerSec: number;
}

export interface BridgeLimits extends BridgeTimeouts {
  maxJsonBytes: number;
  maxJsonDepth: number;
  maxJsonKeys: number;
  maxUploadBytes: number;
}

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
  timeouts?: Partial<BridgeTimeouts>;
}

export interface HttpBridge {
  /** The URL to print: the one place the token appears. */
  url: string;
  token: string;
  port: number;
  limits: BridgeLimits;
  close(): Promise<void>;
}

// Loopback clients send quickly: anything slower is a stalled or hostile one.
const DEFAULT_TIMEOUTS: BridgeTimeouts = {
  headersMs: 10_000,
  bodyIdleMs: 10_000,
  jsonTotalMs: 15_000,
  uploadGraceMs: 15_000,
  uploadMinBytesPerSec: 256 * 1024,
};

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

type Route =
  | { kind: 'api'; method: string }
  | { kind: 'upload' }
  | { kind: 'blob'; variant: FileVariant; sha256: string }
  | { kind: 'download' }
  | { kind: 'guarded' }
  | { kind: 'page' };

const allowedMethods: Record<Route['kind'], string[]> = {
  api: ['POST'],
  upload: ['POST'],
  blob: ['GET', 'HEAD'],
  download: ['GET'],
  guarded: ['GET', 'HEAD', 'POST'],
  page: ['GET', 'HEAD'],
};

const variants: Record<string, FileVariant> = { files: 'original', thumbs: 'thumb', views: 'view', converted: 'converted' };

/** `decoded` is the URL path with its escapes decoded. */
function routeOf(decoded: string): Route {
  const api = /^\/api\/(.*)$/s.exec(decoded);
  if (api) return { kind: 'api', method: api[1] };
  if (decoded === '/upload') return { kind: 'upload' };
  const blob = /^\/(files|thumbs|views|converted)\/([^/]*)$/.exec(decoded);
  if (blob) return { kind: 'blob', variant: variants[blob[1]], sha256: blob[2] };
  if (decoded === '/downloads') return { kind: 'download' };
  if (/^\/(api|files|thumbs|views|converted|upload|downloads)(\/|$)/.test(decoded)) return { kind: 'guarded' };
  return { kind: 'page' };
}

const forbidden = () => new ApiError('forbidden', '拒绝访问：缺少或错误的访问令牌，请用启动时打印的地址重新打开');

/**
 * Browser mode: the same handler map over loopback HTTP. The Host header must name the loopback
 * address (blocks DNS rebinding); a request from another origin or site is refused; every API,
 * upload and file request must carry the session cookie (set by the first page load, which
 * brings the token in its URL) or the token header.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const assets = options.staticDir ? hashedAssetCache(options.staticDir) : null;
  const limits: BridgeLimits = {
    ...DEFAULT_TIMEOUTS,
    ...options.timeouts,
    maxJsonBytes: options.maxJsonBytes ?? 8 * 1024 ** 2,
    // The API's arguments are a few levels deep and at most a few thousand keys (2,000 for a
    // 组照 of 1,000 photos): far below these, which stop a hostile body in one linear pass.
    maxJsonDepth: 64,
    maxJsonKeys: 10_000,
    maxUploadBytes: options.maxUploadBytes ?? 2 * 1024 ** 3,
  };
  const jsonTimeouts: BodyTimeouts = { idleMs: limits.bodyIdleMs, totalMs: limits.jsonTotalMs, minBytesPerSec: null, graceMs: 0 };
  const uploadTimeouts: BodyTimeouts = {
    idleMs: limits.bodyIdleMs,
    totalMs: null,
    minBytesPerSec: limits.uploadMinBytesPerSec,
    graceMs: limits.uploadGraceMs,
  };
  const uploads = uploadsDir(options.archive);

  const server = http.createServer(
    {
      headersTimeout: limits.headersMs,
      // Bodies are timed by the readers above (an upload may rightly take minutes).
      requestTimeout: 0,
      connectionsCheckingInterval: Math.min(1000, limits.headersMs),
    },
    (req, res) => {
      // A body the answer did not wait for (a refusal, a GET with a body) is not then read at
      // the client's pace: the connection goes soon after the answer.
      res.once('finish', () => {
        if (req.complete) return;
        req.resume();
        const cut = setTimeout(() => req.socket.destroy(), 1000).unref();
        req.once('end', () => clearTimeout(cut));
      });
      handle(req, res).catch((err: unknown) => sendError(res, err));
    },
  );
  // A reader that stops reading a response is let go after two quiet minutes.
  server.setTimeout(120_000, (socket) => socket.destroy());

  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  await listening;
  const port = (server.address() as AddressInfo).port;
  const session = createSession(token, port);
  const allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!allowedHosts.has(String(req.headers.host ?? ''))) throw new ApiError('forbidden', '拒绝访问：主机名不符');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^https?:\/\//, ''))) throw new ApiError('forbidden', '拒绝访问：来源不符');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const decoded = decodePathname(url.pathname);
    if (decoded === null) throw new HttpError(400, 'invalid_args', '请求地址中的转义字符无效');
    const route = routeOf(decoded);

    if (route.kind !== 'page') {
      // Fetch metadata: a page of another site (another port on this machine is "same-site")
      // never reaches the archive, even where the browser would send the cookie.
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site' || !session.authenticated(req)) throw forbidden();
    }
    const allow = allowedMethods[route.kind];
    if (!allow.includes(req.method ?? '')) {
      throw new HttpError(405, 'invalid_args', `不支持的请求方法：${String(req.method).slice(0, 20)}`, { allow: allow.join(', ') }, true);
    }

    switch (route.kind) {
      case 'api': {
        const args = await readJson(req, { maxBytes: limits.maxJsonBytes, maxDepth: limits.maxJsonDepth, maxKeys: limits.maxJsonKeys, timeouts: jsonTimeouts });
        const result = await callHandler(options.handlers, route.method, args);
        return sendJson(res, 200, { ok: true, result });
      }
      case 'upload': {
        const name = sanitizeUploadName(url.searchParams.get('name') ?? '');
        const dir = path.join(uploads, randomUUID());
        await fs.mkdir(dir, { recursive: true });
        const target = path.join(dir, name);
        await receiveFile(req, target, limits.maxUploadBytes, uploadTimeouts).catch(async (err: unknown) => {
          await fs.rm(dir, { recursive: true, force: true });
          throw err;
        });
        return sendJson(res, 200, { ok: true, result: { path: target } });
      }
      case 'blob':
        return sendBlob(res, route.variant, route.sha256, req.method === 'HEAD');
      case 'download':
        return sendDownload(res, url.searchParams.get('path') ?? '');
      case 'guarded':
        throw new ApiError('not_found', '页面不存在');
      case 'page': {
        const given = session.pageToken(url);
        if (given === 'wrong') throw new ApiError('forbidden', '访问令牌错误，请复制启动时打印的完整地址');
        if (given === 'valid') return redirectWithoutToken(res, url, session.setCookie());
        if (!options.staticDir) throw new ApiError('not_found', '页面不存在');
        return sendStatic(res, options.staticDir, decoded, req.method === 'HEAD', assets!);
      }
    }
  };

  /** original: the stored file as is; thumb: its thumbnail; view: a photo as a page can show it (HEIC as JPEG); converted: a legacy Office file's PDF. */
  const sendBlob = async (res: http.ServerResponse, variant: FileVariant, sha: string, head: boolean): Promise<void> => {
    if (!isSha256(sha)) throw new ApiError('not_found', '文件不存在');
    // Only hashes the archive knows: the route can never name an arbitrary file.
    const row = options.archive.db.prepare('SELECT media_type, thumbnail FROM blob WHERE sha256 = ?').get(sha) as
      | { media_type: string; thumbnail: number }
      | undefined;
    if (!row || ((variant === 'thumb' || variant === 'view') && !row.thumbnail)) throw new ApiError('not_found', '文件不存在');
    let file: string | null = options.archive.store.pathFor(sha);
    let contentType = row.media_type;
    if (variant === 'thumb') {
      file = await ensureThumbnail(options.archive, sha, row.media_type);
      if (!file) throw new ApiError('not_found', '文件不存在');
      contentType = 'image/webp';
    }
    if (variant === 'converted') {
      // Only a PDF the preview already had LibreOffice make: the route starts no conversion.
      file = officePdfPath(options.archive, sha);
      contentType = 'application/pdf';
    }
    if (variant === 'view') {
      const view = await viewablePhoto(options.archive, sha).catch(() => null);
      if (!view) throw new ApiError('not_found', '文件不存在');
      file = view.file;
      contentType = view.converted ? 'image/jpeg' : row.media_type;
    }
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) throw new ApiError('not_found', '文件不存在');
    res.writeHead(200, {
      ...securityHeaders('file'),
      'content-type': contentType,
      'content-length': stat.size,
      'cache-control': 'private, max-age=31536000, immutable',
    });
    if (head) return void res.end();
    await pipeline(createReadStream(file), res);
  };

  /** A file the core wrote under the archive's exports/ (a report, a packet, a bundle), as an attachment. */
  const sendDownload = async (res: http.ServerResponse, requested: string): Promise<void> => {
    const file = await downloadTarget(path.join(options.archive.root, 'exports'), requested);
    if (!file) throw new ApiError('not_found', '文件不存在');
    const stat = await fs.stat(file);
    const name = path.basename(file);
    res.writeHead(200, {
      ...securityHeaders('file'),
      'content-type': 'application/octet-stream',
      'content-length': stat.size,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(file), res);
  };

  return {
    url: `http://${host}:${port}/?token=${token}`,
    token,
    port,
    limits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The first page load: the cookie replaces the token, and the address bar loses it. */
function redirectWithoutToken(res: http.ServerResponse, url: URL, cookie: string): void {
  const rest = new URLSearchParams(url.searchParams);
  rest.delete('token');
  const query = rest.toString();
  res.writeHead(303, {
    ...securityHeaders('data'),
    location: `${url.pathname}${query ? `?${query}` : ''}`,
    'set-cookie': cookie,
    'cache-control': 'no-store',
  });
  res.end();
}

async function sendStatic(res: http.ServerResponse, root: string, decoded: string, head: boolean, assets: AssetCache): Promise<void> {
  const file = resolveStaticPath(root, decoded);
  const hashed = file ? await assets(file) : null;
  if (hashed) {
    res.writeHead(200, {
      ...securityHeaders('page'),
      'content-type': contentTypeOf(file!),
      'content-length': hashed.length,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(head ? undefined : hashed);
    return;
  }
  const stat = file ? await fs.stat(file).catch(() => null) : null;
  // The app routes by hash; any other path gets the page itself.
  const target = stat?.isFile() && file ? file : path.join(root, 'index.html');
  const body = await fs.readFile(target).catch(() => null);
  if (!body) throw new ApiError('not_found', '界面文件不存在，请先运行 npm run build:renderer');
  res.writeHead(200, {
    ...securityHeaders('page'),
    'content-type': contentTypeOf(target),
    'content-length': body.length,
    'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  res.end(head ? undefined : body);
}

function sendJson(res: http.ServerResponse, status: number, body: Envelope, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders('data'),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, err: unknown): void {
  const error = toErrorShape(err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = err instanceof HttpError ? err : null;
  sendJson(res, known?.status ?? statusByCode[error.code] ?? 500, { ok: false, error }, {
    ...known?.headers,
    ...(known?.closeConnection ? { connection: 'close' } : {}),
  });
}
