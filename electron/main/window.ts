import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { allowedExternalUrl, mayNavigate, permissionDecision, secureWebPreferences, windowOpenDecision } from './policy';

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
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
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return windowOpenDecision();
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!mayNavigate(win.webContents.getURL(), url)) {
      event.preventDefault();
      openExternalIfAllowed(url);
    }
  });
  // No <webview> may ever be attached, whatever the page tries.
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void load(win);
  return win;
}

function openExternalIfAllowed(url: string): void {
  const allowed = allowedExternalUrl(url);
  if (allowed) void shell.openExternal(allowed);
}

export function rendererIndexFile(): string {
  return path.join(import.meta.dirname, '../renderer/index.html');
}
