// Exposes one method per API operation (derived from shared/api) and the few shell features.
// Runs sandboxed with contextIsolation: nothing but these functions reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { apiMethods } from '../../shared/api';
import { ipcChannel } from '../../shared/transport';
import { shellChannels } from '../main/shellChannels';

const api = Object.fromEntries(
  apiMethods.map((method) => [method, (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args)]),
);

contextBridge.exposeInMainWorld('dossier', {
  api,
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  pickFiles: () => ipcRenderer.invoke(shellChannels.pickFiles),
  pickDirectory: () => ipcRenderer.invoke(shellChannels.pickDirectory),
  pickSavePath: (suggestedName: string) => ipcRenderer.invoke(shellChannels.pickSavePath, suggestedName),
  openPath: (target: string) => ipcRenderer.invoke(shellChannels.openPath, target),
  openOriginal: (sha256: string, fileName: string) => ipcRenderer.invoke(shellChannels.openOriginal, sha256, fileName),
});
