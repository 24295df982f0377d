// The desktop shell's security policy as plain data and pure decisions, so tests can check it
// without starting Electron. window.ts, index.ts and protocol.ts apply exactly these.
import { isSha256 } from '../core/store/blobStore';

/** webPreferences of every window: sandboxed, isolated, no Node in the page. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
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

export type FileRequest = { kind: 'blob' | 'thumb' | 'view'; sha256: string };

/**
 * dossier://blob/<sha256>, dossier://thumb/<sha256> and dossier://view/<sha256> (a photo as the
 * page can show it), nothing else: no other host, no query, no further path, only a hash the
 * archive knows (and for thumbs and views, a photo's: one that has a thumbnail).
 */
export function parseFileRequest(url: string, known: (sha256: string) => { thumbnail: boolean } | undefined): FileRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'dossier:' || parsed.search || parsed.username || parsed.port) return null;
  const kind = parsed.host;
  if (kind !== 'blob' && kind !== 'thumb' && kind !== 'view') return null;
  const sha = parsed.pathname.replace(/^\//, '');
  if (!isSha256(sha)) return null;
  const row = known(sha);
  if (!row || (kind !== 'blob' && !row.thumbnail)) return null;
  return { kind, sha256: sha };
}
