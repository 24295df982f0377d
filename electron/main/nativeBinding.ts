import { app } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives beside the Node build, never over it, so
 * `npm test` and `npm start` work in either order (scripts/ensure-native.mjs builds it).
 */
export function electronNativeBinding(): string | undefined {
  const candidates = app.isPackaged
    ? [path.join(process.resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node')];
  return candidates.find((p) => fs.existsSync(p));
}
