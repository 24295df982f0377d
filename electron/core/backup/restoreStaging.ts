// Where a restore writes before its backup is proven whole. It must be on the target's own disk
// (the last step is one rename), so it cannot live in an archive's tmp/: it is a tmp session
// area (tmpSessions.ts: lease, renewal, leftovers of finished processes cleared) under
// <target's parent>/.dossier-restoring/. A restore killed half-way (power cut, task manager)
// leaves its area behind; a note in the user's data folder names it, so the next start of any
// Dossier program (and the next restore) removes it.
import fs from 'node:fs';
import path from 'node:path';
import { defaultArchiveDir } from '../archive/defaultLocation';
import { clearFinishedSessions, openTmpSession, type TmpSession } from '../archive/tmpSessions';

export const STAGING_ROOT = '.dossier-restoring';
const NOTE = /^\d+-[0-9a-f]{8}\.json$/;

/** Notes of restores in flight: beside the default archive (Dossier/restoring), whatever --archive says. */
export function restoreNotesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(defaultArchiveDir({ ...env, DOSSIER_ARCHIVE: undefined })), 'restoring');
}

export interface RestoreStaging {
  /** The folder the backup is extracted into; renamed to the target when whole. */
  dir: string;
  /** Remove the area (whatever is left in it) and its note. */
  close(): Promise<void>;
}

const noPurges = (): void => undefined; // a restore's area never holds a purge in flight

export function openRestoreStaging(parent: string, notes = restoreNotesDir()): RestoreStaging {
  const root = path.join(parent, STAGING_ROOT);
  let session: TmpSession;
  try {
    session = openTmpSession(root, '恢复备份', noPurges);
  } catch (err) {
    removeIfEmpty(root);
    throw err;
  }
  const note = path.join(notes, `${session.id}.json`);
  try {
    // Only inside the system's data folder (%APPDATA%, ~/.local/share …) where it exists: a
    // restore is no reason to create a home's folder layout. Without a note a leftover is still
    // cleared by the next restore beside the same target.
    if (fs.existsSync(path.dirname(path.dirname(notes)))) {
      fs.mkdirSync(notes, { recursive: true });
      fs.writeFileSync(note, JSON.stringify({ root }));
    }
  } catch {
    // as above
  }
  return {
    dir: path.join(session.dir, 'archive'),
    async close() {
      session.close();
      fs.rmSync(note, { force: true });
      removeIfEmpty(root);
      removeIfEmpty(notes);
    },
  };
}

/**
 * Remove what restores killed half-way left behind (their process is gone), as named by the
 * notes. Only areas under a `.dossier-restoring` folder are ever removed, whatever a note says.
 * Never throws: a leftover costs disk space, not an archive. Returns the areas removed.
 */
export function clearAbandonedRestores(notes = restoreNotesDir()): number {
  let cleared = 0;
  for (const name of safeReaddir(notes)) {
    if (!NOTE.test(name)) continue;
    const note = path.join(notes, name);
    try {
      const root = readRoot(note);
      if (root !== null && fs.existsSync(root)) {
        cleared += clearFinishedSessions(root, '', noPurges);
        removeIfEmpty(root);
        // Its own area still there: that restore is running (or could not be removed yet).
        if (fs.existsSync(path.join(root, name.slice(0, -'.json'.length)))) continue;
      }
      fs.rmSync(note, { force: true });
    } catch {
      // An unreadable note or a folder still open elsewhere: tried again at the next start.
    }
  }
  removeIfEmpty(notes);
  return cleared;
}

/** The staging root a note names; null for a note that is damaged or names anything else. */
function readRoot(note: string): string | null {
  try {
    const root = (JSON.parse(fs.readFileSync(note, 'utf8')) as { root?: unknown }).root;
    return typeof root === 'string' && path.isAbsolute(root) && path.basename(root) === STAGING_ROOT ? root : null;
  } catch {
    return null;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (another restore, or a note) or already gone.
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
