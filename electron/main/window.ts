import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { allowedExternalUrl, mayNavigate, permissionDecision, secureWebPreferences, windowOpenDecision } from './policy';

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
}

/**
 * Every window of the app: no new windows (an allow-listed link goes to the system browser),
 * no navigation or redirect the rule refuses, never a <webview>.
 */
export function applyWindowPolicy(win: BrowserWindow, mayGo: (currentUrl: string, targetUrl: string) => boolean): void {
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return windowOpenDecision();
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (mayGo(contents.getURL(), url)) return;
    event.preventDefault();
    openExternalIfAllowed(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(preloadPath: string, load: (win: BrowserWindow) => Promise<void>): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Dossier 创建档案管家',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  applyWindowPolicy(win, mayNavigate);
  void load(win);
  return win;
}

function openExternalIfAllowed(url: string): void {
  const allowed = allowedExternalUrl(url);
  if (allowed) void shell.openExternal(allowed);
}

/** The built renderer: what app://dossier/ serves. */
export function rendererRoot(): string {
  return path.join(import.meta.dirname, '../renderer');
}
