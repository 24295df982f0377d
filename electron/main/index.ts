// The desktop shell: window, menu-less chrome, dialogs, the app:// protocol and the IPC bridge.
// Everything else is the plain-Node core.
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import path from 'node:path';
import { defaultArchiveDir } from '../core/archive/defaultLocation';
import { startAutoBackup } from '../core/backup/autoBackup';
import type { BackupScheduler } from '../core/backup/scheduler';
import { createContext, type CoreContext } from '../core/context';
import { createHandlers } from '../core/handlers';
import { ApiError } from '../../shared/errors';
import { copyForViewing, openCopyRoot } from '../core/materials/openCopy';
import { createSenderCheck, guarded, registerApiHandlers } from './ipcBridge';
import { electronNativeBinding } from './nativeBinding';
import { createPrintToPdfRenderer } from './printToPdfRenderer';
import { APP_PAGE_URL, openableCopy } from './policy';
import { handleAppProtocol, registerSchemePrivileges } from './protocol';
import { shellChannels } from './shellChannels';
import { saveDialogOptions } from './saveDialog';
import { createMainWindow, hardenSession, rendererRoot } from './window';

registerSchemePrivileges();
let ctx: CoreContext | null = null;
let backups: BackupScheduler | null = null;
let quitting = false;

async function start(): Promise<void> {
  hardenSession();
  const archiveDir = defaultArchiveDir();
  try {
    ctx = createContext({
      archiveDir,
      transport: 'electron',
      nativeBinding: electronNativeBinding(),
      resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
      createRenderer: async (archive) => createPrintToPdfRenderer(archive.tmpDir),
    });
  } catch (err) {
    dialog.showErrorBox('无法打开档案库', `${archiveDir}\n\n${err instanceof Error ? err.message : String(err)}`);
    app.quit();
    return;
  }
  const core = ctx;
  handleAppProtocol(core.archive, rendererRoot());
  backups = startAutoBackup(ctx.archive);
  const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;
  const isTrusted = createSenderCheck({ devServerUrl });
  registerApiHandlers(ipcMain, createHandlers(ctx), isTrusted);

  const owner = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  ipcMain.handle(shellChannels.pickFiles, (event) =>
    guarded(event, isTrusted, async () => {
      const r = await dialog.showOpenDialog(owner(), { properties: ['openFile', 'multiSelections'] });
      return r.canceled ? [] : r.filePaths;
    }).then(unwrapShell),
  );
  ipcMain.handle(shellChannels.pickDirectory, (event) =>
    guarded(event, isTrusted, async () => {
      const r = await dialog.showOpenDialog(owner(), { properties: ['openDirectory', 'createDirectory'] });
      return r.canceled ? null : r.filePaths[0];
    }).then(unwrapShell),
  );
  ipcMain.handle(shellChannels.pickSavePath, (event, suggested: unknown) =>
    guarded(event, isTrusted, async () => {
      const options = saveDialogOptions(suggested, app.getPath('documents'));
      if (!options.ok) throw new ApiError('invalid_args', options.message);
      const r = await dialog.showSaveDialog(owner(), { defaultPath: options.defaultPath, filters: options.filters });
      return r.canceled || !r.filePath ? null : r.filePath;
    }).then(unwrapShell),
  );
  // The shell runs what it is handed: only a copy the core wrote for viewing gets there.
  const openCopy = async (target: unknown) => {
    const decision = await openableCopy(target, openCopyRoot(core.archive));
    if (!decision.ok) throw new ApiError('forbidden', decision.message);
    if (await shell.openPath(decision.file)) {
      throw new ApiError('internal', `无法打开《${path.basename(decision.file)}》：系统中没有能打开这类文件的程序`);
    }
  };
  ipcMain.handle(shellChannels.openPath, (event, target: unknown) => guarded(event, isTrusted, () => openCopy(target)).then(unwrapShell));
  ipcMain.handle(shellChannels.openOriginal, (event, sha256: unknown, fileName: unknown) =>
    guarded(event, isTrusted, async () => {
      if (typeof sha256 !== 'string' || typeof fileName !== 'string') throw new ApiError('invalid_args', '无法打开原件：参数无效');
      await openCopy(await copyForViewing(core.archive, sha256, fileName));
    }).then(unwrapShell),
  );

  createMainWindow(path.join(import.meta.dirname, '../preload/index.cjs'), async (win) => {
    if (devServerUrl) await win.loadURL(devServerUrl);
    else await win.loadURL(APP_PAGE_URL);
  });
}

function unwrapShell<T>(envelope: { ok: true; result: T } | { ok: false; error: { message: string } }): T {
  if (envelope.ok) return envelope.result;
  throw new Error(envelope.error.message);
}

app.whenReady().then(start);
app.on('window-all-closed', () => app.quit());
// The on-exit backup runs before the archive closes; quit resumes once it is written.
app.on('before-quit', (event) => {
  if (quitting || !backups) return;
  event.preventDefault();
  quitting = true;
  void backups
    .stop(true)
    .finally(() => ctx?.close())
    .finally(() => app.quit());
});
