// The desktop shell's security policy as plain data and pure decisions, so tests can check it
// without starting Electron. window.ts, index.ts, protocol.ts and printToPdfRenderer.ts apply
// exactly these.
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN, FILE_ROUTES, type FileVariant } from '../../shared/transport';
import { isRunnableName } from '../core/materials/executables';
import { isSha256 } from '../core/store/blobStore';
import { decodePathname, resolveStaticPath } from '../web/staticFiles';

/** webPreferences of every window: sandboxed, isolated, no Node in the page. */
export function secureWebPreferences(preload: string | null) {
  return {
    ...(preload ? { preload } : {}),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** The hidden print window: the same, without a preload, and no script at all. */
export function printWindowPreferences() {
  return { ...secureWebPreferences(null), javascript: false } as const;
}

/** External links open in the system browser only for these https hosts (none yet). */
export const EXTERNAL_ALLOW_LIST: ReadonlySet<string> = new Set<string>([]);

/** The URL to hand to the system browser, or null when it is not on the allow-list. */
export function allowedExternalUrl(url: string, allowList: ReadonlySet<string> = EXTERNAL_ALLOW_LIST): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password && allowList.has(parsed.hostname) ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** New windows: always denied (an allowed link goes to the system browser instead). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Navigation may only stay on the page already loaded (same URL without the hash). */
export function mayNavigate(currentUrl: string, targetUrl: string): boolean {
  try {
    const a = new URL(currentUrl);
    const b = new URL(targetUrl);
    a.hash = '';
    b.hash = '';
    return a.href === b.href;
  } catch {
    return false;
  }
}

/** Camera, microphone, notifications, geolocation, clipboard …: the app needs none. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** The app's privileged scheme: app://dossier/… is the page's own origin (see APP_ORIGIN). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Standard and secure like https (same-origin rules, CSP 'self'); fetch for pdf.js; streams for video. */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } as const;

/** The one page that may call the API: the app's index.html (any hash), nothing else. */
export function isAppPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      !parsed.username &&
      !parsed.password &&
      !parsed.search &&
      parsed.pathname === '/index.html'
    );
  } catch {
    return false;
  }
}

export type AppRequest = { kind: 'asset'; file: string } | { kind: 'file'; variant: FileVariant; sha256: string };

const variantOfRoute = new Map<string, FileVariant>(Object.entries(FILE_ROUTES).map(([variant, route]) => [route, variant as FileVariant]));

/**
 * What an app:// request may read: a file of the built renderer (inside rendererRoot, no
 * traversal), or a stored file by hash at /files|thumbs|views|converted/<sha256> — only a hash the archive
 * knows (for thumbs and views, a photo's: one with a thumbnail). Anything else is null.
 */
export function parseAppRequest(
  url: string,
  rendererRoot: string,
  known: (sha256: string) => { thumbnail: boolean } | undefined,
): AppRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username || parsed.password || parsed.search) return null;
  const route = /^\/([a-z]+)\/([^/]*)$/.exec(parsed.pathname);
  const variant = route ? variantOfRoute.get(route[1]) : undefined;
  if (route && variant) {
    const sha = route[2];
    if (!isSha256(sha)) return null;
    const row = known(sha);
    if (!row || ((variant === 'thumb' || variant === 'view') && !row.thumbnail)) return null;
    return { kind: 'file', variant, sha256: sha };
  }
  const decoded = decodePathname(parsed.pathname);
  const file = decoded === null ? null : resolveStaticPath(rendererRoot, decoded);
  return file ? { kind: 'asset', file } : null;
}

/**
 * The hidden print window's page: a converted document with inline styles, data: images and
 * fonts. Nothing runs, nothing loads from anywhere, no frame, no form.
 */
export const PRINT_CSP = [
  "default-src 'none'",
  "img-src data:",
  "font-src data:",
  "style-src 'unsafe-inline'",
  "script-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The document with its CSP as the first thing in <head> (or after the doctype), before any content. */
export function withContentSecurityPolicy(html: string, csp: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + meta + html.slice(doctype[0].length);
  return meta + html;
}

export type OpenDecision = { ok: true; file: string } | { ok: false; message: string };

/**
 * 打开原件 and openPath hand a file to the system shell, which would also run a program. Only
 * a copy the core itself wrote is opened: a regular file at <openRoot>/<folder>/<name>, checked
 * after resolving links, and not a name the shell would run.
 */
export async function openableCopy(target: unknown, openRoot: string): Promise<OpenDecision> {
  if (typeof target !== 'string' || !path.isAbsolute(target) || target.includes('\0')) {
    return { ok: false, message: '无法打开：文件路径无效' };
  }
  const name = path.basename(target);
  const refused: OpenDecision = { ok: false, message: `拒绝打开《${name}》：只能打开 Dossier 为查看原件而复制的文件` };
  const root = await fs.realpath(openRoot).catch(() => null);
  const link = await fs.lstat(target).catch(() => null);
  if (!root || !link) return { ok: false, message: `无法打开《${name}》：文件不存在` };
  if (link.isSymbolicLink()) return refused;
  const real = await fs.realpath(target).catch(() => null);
  if (!real) return { ok: false, message: `无法打开《${name}》：文件不存在` };
  const rel = path.relative(root, real);
  const parts = rel.split(path.sep);
  if (path.isAbsolute(rel) || parts.length !== 2 || parts.some((p) => p === '' || p === '..')) return refused;
  const stat = await fs.stat(real).catch(() => null);
  if (!stat?.isFile()) return refused;
  if (isRunnableName(real)) return { ok: false, message: `拒绝打开《${name}》：这是可执行程序或脚本，打开会运行其中的代码` };
  return { ok: true, file: real };
}
