import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';

/** External links open in the system browser only for these hosts (help pages, none yet). */
const externalAllowList = new Set<string>([]);

export function hardenSession(): void {
  // The app needs no camera, microphone, notifications or geolocation: deny every request.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(preloadPath: string, load: (win: BrowserWindow) => Promise<void>): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Dossier 创建档案管家',
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) {
      event.preventDefault();
      openExternalIfAllowed(url);
    }
  });
  void load(win);
  return win;
}

function openExternalIfAllowed(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && externalAllowList.has(parsed.host)) void shell.openExternal(parsed.toString());
  } catch {
    // not a URL: ignore
  }
}

export function rendererIndexFile(): string {
  return path.join(import.meta.dirname, '../renderer/index.html');
}
