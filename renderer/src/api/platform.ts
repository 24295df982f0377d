// The renderer's one way to the core. In the desktop app it goes through the preload's IPC
// bridge; in browser mode through the loopback HTTP bridge. Both are derived from shared/api.
import type { ApiClient, ApiMethod } from '../../../shared/api';
import { createClient } from '../../../shared/client';
import { ApiError, isApiErrorShape } from '../../../shared/errors';
import { APP_ORIGIN, downloadRoute, fileRoute, type Envelope, type FileVariant } from '../../../shared/transport';
import type { ElectronBridge } from './bridgeTypes';

export interface Platform {
  api: ApiClient;
  kind: 'electron' | 'http';
  /**
   * URL of a stored original, its thumbnail, or (view) a photo as the page can show it: the
   * original, or a JPEG rendition of a HEIC, which browsers cannot show.
   */
  fileUrl(sha256: string, variant: FileVariant): string;
  /** Turn dropped or picked browser files into paths the core can read. */
  filesToPaths(files: File[], onProgress?: (done: number, total: number) => void): Promise<string[]>;
  /**
   * Show a stored original as the clerk expects: the desktop app opens it in its usual program;
   * browser mode opens it in a new tab (or downloads it).
   */
  openOriginal(sha256: string, fileName: string): Promise<void>;
  /** Native dialogs exist only in the desktop app. */
  pickFiles: (() => Promise<string[]>) | null;
  pickDirectory: (() => Promise<string | null>) | null;
  /** 另存为 in the desktop app: the path the clerk chose, or null when cancelled. */
  pickSavePath: ((suggestedName: string) => Promise<string | null>) | null;
  /** Browser mode: give a report the core wrote into exports/ to the browser's download. */
  download: ((path: string) => void) | null;
}

function unwrap(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.result;
  const { code, message, fields, detail } = envelope.error;
  throw new ApiError(code, message, { fields, detail });
}

function electronPlatform(bridge: ElectronBridge): Platform {
  return {
    kind: 'electron',
    api: createClient(async (method: ApiMethod, args) => unwrap(await bridge.api[method](args))),
    // Absolute: the app page is app://dossier/, but the dev server's page is not.
    fileUrl: (sha, variant) => `${APP_ORIGIN}${fileRoute(sha, variant)}`,
    filesToPaths: async (files) => files.map((f) => bridge.pathForFile(f)),
    openOriginal: (sha, name) => bridge.openOriginal(sha, name),
    pickFiles: () => bridge.pickFiles(),
    pickDirectory: () => bridge.pickDirectory(),
    pickSavePath: (name) => bridge.pickSavePath(name),
    download: null,
  };
}

/**
 * Browser mode. The first page load traded the printed URL's token for an HttpOnly cookie, which
 * the browser sends with every same-origin request: no token in any URL the page makes.
 */
function httpPlatform(): Platform {
  const post = async (url: string, body: BodyInit, contentType: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { 'content-type': contentType } });
    } catch {
      throw new ApiError('internal', '无法连接到 Dossier 服务，请确认 npm run web 仍在运行');
    }
    const envelope = (await response.json().catch(() => null)) as Envelope | null;
    if (!envelope || (!envelope.ok && !isApiErrorShape(envelope.error))) {
      throw new ApiError('internal', `服务返回了无法识别的响应（HTTP ${response.status}）`);
    }
    return unwrap(envelope);
  };
  return {
    kind: 'http',
    api: createClient((method, args) => post(`/api/${method}`, JSON.stringify(args ?? {}), 'application/json')),
    fileUrl: (sha, variant) => fileRoute(sha, variant),
    filesToPaths: async (files, onProgress) => {
      const paths: string[] = [];
      for (const file of files) {
        const result = (await post(`/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream')) as {
          path: string;
        };
        paths.push(result.path);
        onProgress?.(paths.length, files.length);
      }
      return paths;
    },
    openOriginal: async (sha) => {
      window.open(fileRoute(sha, 'original'), '_blank', 'noopener');
    },
    pickFiles: null,
    pickDirectory: null,
    pickSavePath: null,
    download: (path) => {
      const a = document.createElement('a');
      a.href = downloadRoute(path);
      a.download = '';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  };
}

export function detectPlatform(): Platform {
  return window.dossier ? electronPlatform(window.dossier) : httpPlatform();
}
