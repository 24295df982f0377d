// What travels over IPC and HTTP: a result or an error envelope. Errors keep their code and
// Chinese message across the boundary (Electron's own rejection would lose both).
import type { ApiMethod } from './api';
import type { ApiErrorShape } from './errors';

export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** IPC channel for a method; every channel the shell registers has this prefix. */
export const ipcChannel = (method: ApiMethod): string => `dossier:${method}`;

/** HTTP header carrying the browser-mode token. */
export const TOKEN_HEADER = 'x-dossier-token';
