// Registers one IPC handler per API method, derived from the shared handler map. Kept free of
// any `electron` import so a test can drive it through a fake ipcMain.
import { apiMethods } from '../../shared/api';
import type { Handlers } from '../../shared/api';
import { ApiError, toErrorShape } from '../../shared/errors';
import { ipcChannel, type Envelope } from '../../shared/transport';
import { callHandler } from '../core/handlers';
import { isAppPage } from './policy';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<Envelope>): void;
}

/**
 * Only the app's own page may call: app://dossier/index.html, or in development the dev server's
 * origin (then only that). Compared as parsed URLs, never by string prefix; file:// never.
 */
export function createSenderCheck(allowed: { devServerUrl: string | null }) {
  const devOrigin = allowed.devServerUrl ? new URL(allowed.devServerUrl).origin : null;
  return (url: string | undefined): boolean => {
    if (!url) return false;
    if (!devOrigin) return isAppPage(url);
    try {
      return new URL(url).origin === devOrigin;
    } catch {
      return false;
    }
  };
}

export async function guarded<T>(
  event: IpcEventLike,
  isTrusted: (url: string | undefined) => boolean,
  run: () => Promise<T>,
): Promise<Envelope<T>> {
  if (!isTrusted(event.senderFrame?.url)) {
    return { ok: false, error: new ApiError('forbidden', '拒绝访问：请求不是来自 Dossier 的窗口').toJSON() };
  }
  try {
    return { ok: true, result: await run() };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

export function registerApiHandlers(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrusted: (url: string | undefined) => boolean,
): string[] {
  const channels: string[] = [];
  for (const method of apiMethods) {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, (event, args) => guarded(event, isTrusted, () => callHandler(handlers, method, args)));
    channels.push(channel);
  }
  return channels;
}
