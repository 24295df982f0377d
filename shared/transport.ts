// What travels over IPC and HTTP: a result or an error envelope. Errors keep their code and
// Chinese message across the boundary (Electron's own rejection would lose both).
import type { ApiMethod } from './api';
import type { ApiErrorShape } from './errors';

export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** IPC channel for a method; every channel the shell registers has this prefix. */
export const ipcChannel = (method: ApiMethod): string => `dossier:${method}`;

/** HTTP header carrying the browser-mode token (scripts and tests; the page uses its cookie). */
export const TOKEN_HEADER = 'x-dossier-token';

/** Stored files by content hash: the same routes over HTTP (browser mode) and the app protocol. */
export const FILE_ROUTES = { original: 'files', thumb: 'thumbs', view: 'views', converted: 'converted' } as const;
export type FileVariant = keyof typeof FILE_ROUTES;
export const fileRoute = (sha256: string, variant: FileVariant): string => `/${FILE_ROUTES[variant]}/${sha256}`;
/** Browser mode: a file the core wrote under the archive's exports/ (by its full path), to save where the clerk wants. */
export const downloadRoute = (filePath: string): string => `/downloads?path=${encodeURIComponent(filePath)}`;

/** The desktop app's own origin: a privileged custom protocol, never file://. */
export const APP_ORIGIN = 'app://dossier';

/**
 * The app page's Content-Security-Policy, sent as a header by both transports (frame-ancestors
 * and form-action only work there); renderer/index.html repeats the rest as a meta tag.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
