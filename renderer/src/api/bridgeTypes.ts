import type { ApiMethod } from '../../../shared/api';
import type { Envelope } from '../../../shared/transport';

/** What the Electron preload exposes as `window.dossier` (see electron/preload). */
export interface ElectronBridge {
  api: Record<ApiMethod, (args: unknown) => Promise<Envelope>>;
  pathForFile(file: File): string;
  pickFiles(): Promise<string[]>;
  pickDirectory(): Promise<string | null>;
  /** 另存为: the path the clerk chose for `suggestedName`, or null. */
  pickSavePath(suggestedName: string): Promise<string | null>;
  openPath(path: string): Promise<void>;
  /** Opens a read-only copy of a stored original in the program the system uses for it. */
  openOriginal(sha256: string, fileName: string): Promise<void>;
}

declare global {
  interface Window {
    dossier?: ElectronBridge;
  }
}
