// Request bodies with limits on size, shape and time: a slow or hostile client is answered with
// a 4xx quickly and holds no connection, memory or file for long.
import { createWriteStream } from 'node:fs';
import type http from 'node:http';
import { once } from 'node:events';
import { ApiError } from '../../shared/errors';
import { HttpError } from './httpError';
import { JsonShapeGuard, type JsonShapeLimits } from './jsonGuard';

export interface BodyTimeouts {
  /** No byte for this long: the client has stalled. */
  idleMs: number;
  /** The whole body must have arrived within this (null: bounded by minBytesPerSec instead). */
  totalMs: number | null;
  /** After graceMs, the body must keep up at least this average rate (null: no rate rule). */
  minBytesPerSec: number | null;
  graceMs: number;
}

const tooSlow = () => new HttpError(408, 'bad_input', '请求发送太慢，已超时，请重试', {}, true);

/**
 * Reads the body chunk by chunk into `onChunk` (which may throw to refuse, or return a promise
 * to apply backpressure). Never destroys the request, so the caller can still answer.
 */
function consumeBody(req: http.IncomingMessage, timeouts: BodyTimeouts, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = 0;
    let ended = false;
    let waiting = false;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const total = timeouts.totalMs === null ? undefined : setTimeout(() => finish(tooSlow()), timeouts.totalMs);
    const rate =
      timeouts.minBytesPerSec === null
        ? undefined
        : setInterval(() => {
            const late = Date.now() - started - timeouts.graceMs;
            if (late > 0 && received < (late / 1000) * timeouts.minBytesPerSec!) finish(tooSlow());
          }, 250);
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(tooSlow()), timeouts.idleMs);
    };
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      clearTimeout(total);
      clearInterval(rate);
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      if (err === undefined) return resolve();
      req.pause();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      armIdle();
      try {
        const pending = onChunk(chunk);
        if (!pending) return;
        waiting = true;
        req.pause();
        pending.then(() => {
          waiting = false;
          if (settled) return;
          if (ended) return finish();
          armIdle();
          req.resume();
        }, finish);
      } catch (err) {
        finish(err);
      }
    };
    const onEnd = () => {
      ended = true;
      if (!waiting) finish();
    };
    const onClose = () => {
      if (!ended) finish(new HttpError(400, 'bad_input', '请求在发送途中中断', {}, true));
    };
    armIdle();
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

export interface JsonBodyLimits extends JsonShapeLimits {
  maxBytes: number;
  timeouts: BodyTimeouts;
}

export async function readJson(req: http.IncomingMessage, limits: JsonBodyLimits): Promise<unknown> {
  const chunks: Buffer[] = [];
  const guard = new JsonShapeGuard(limits);
  let size = 0;
  await consumeBody(req, limits.timeouts, (chunk) => {
    size += chunk.length;
    if (size > limits.maxBytes) throw new HttpError(422, 'bad_input', '请求内容过大', {}, true);
    guard.feed(chunk);
    chunks.push(chunk);
  });
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiError('invalid_args', '请求内容不是有效的 JSON');
  }
}

/** Streams the body into a new file (never over an existing one); the caller removes it on failure. */
export async function receiveFile(req: http.IncomingMessage, target: string, maxBytes: number, timeouts: BodyTimeouts): Promise<void> {
  const tooBig = () => new HttpError(422, 'bad_input', `文件超过上传上限（${Math.round(maxBytes / 1024 ** 2)} MB）`, {}, true);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooBig();
  const out = createWriteStream(target, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) =>
    out.once('error', () => reject(new ApiError('internal', '无法保存上传的文件（磁盘已满或没有写入权限）'))),
  );
  failed.catch(() => undefined);
  let size = 0;
  try {
    await Promise.race([
      failed,
      consumeBody(req, timeouts, (chunk) => {
        size += chunk.length;
        if (size > maxBytes) throw tooBig();
        if (!out.write(chunk)) return once(out, 'drain').then(() => undefined, () => failed);
      }),
    ]);
    out.end();
    // Closed, not just flushed: the core may move the file next.
    await Promise.race([failed, once(out, 'close')]);
  } catch (err) {
    // Closed before the caller removes the folder (Windows keeps open files).
    if (!out.closed) {
      out.destroy();
      await once(out, 'close').catch(() => undefined);
    }
    throw err;
  }
}
