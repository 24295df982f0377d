import os from 'node:os';
import path from 'node:path';

/**
 * Where the archive lives unless told otherwise: the same folder for the desktop app, browser
 * mode and the CLI, so all three see one archive. DOSSIER_ARCHIVE overrides it.
 */
export function defaultArchiveDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOSSIER_ARCHIVE) return path.resolve(env.DOSSIER_ARCHIVE);
  if (process.platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Dossier', 'archive');
  }
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Dossier', 'archive');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'Dossier', 'archive');
}
