import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Several processes may open one archive at once (the desktop app, browser mode, `dossier`
 * commands). Each gets its own temp area, tmp/<session>/, holding a lease (session.json: who,
 * which process, on which computer) renewed while it runs. A process clears only its own area
 * when it closes, and at open the areas of processes that are gone: on this computer a process
 * that no longer exists; on another (an archive on a shared drive) a lease not renewed for an
 * hour. Whatever cannot be decided is left alone: a leftover costs disk space, a wrong removal
 * would cost an import in flight.
 */
export interface TmpSession {
  id: string;
  dir: string;
  /** Areas of finished processes (and stray entries of older versions) removed at open. */
  cleared: number;
  close(): void;
}

export interface SessionLease {
  pid: number;
  host: string;
  program: string;
  startedAt: string;
}

export const LEASE_FILE = 'session.json';
const RENEW_MS = 60_000;
const FOREIGN_HOST_STALE_MS = 60 * 60 * 1000;
/** A purge moves a file here inside its transaction; see materials/blobCleanup.ts. */
export const PURGING_DIR = 'purging';

export function openTmpSession(tmpRoot: string, program: string, restorePurged: (file: string, sha256: string) => void): TmpSession {
  fs.mkdirSync(tmpRoot, { recursive: true });
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const dir = path.join(tmpRoot, id);
  fs.mkdirSync(dir);
  const leaseFile = path.join(dir, LEASE_FILE);
  const lease: SessionLease = { pid: process.pid, host: thisComputer(), program, startedAt: new Date().toISOString() };
  fs.writeFileSync(leaseFile, JSON.stringify(lease));
  const cleared = clearFinishedSessions(tmpRoot, id, restorePurged);
  const timer = setInterval(() => {
    const now = new Date();
    try {
      fs.utimesSync(leaseFile, now, now);
    } catch {
      // Removed under us (a clean-up by hand): write it again so others keep seeing us.
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(leaseFile, JSON.stringify(lease));
      } catch {
        /* the archive folder is gone or read-only; nothing to protect any more */
      }
    }
  }, RENEW_MS);
  timer.unref();
  return {
    id,
    dir,
    cleared,
    close() {
      clearInterval(timer);
      removeArea(dir, restorePurged);
    },
  };
}

export function clearFinishedSessions(tmpRoot: string, ownId: string, restorePurged: (file: string, sha256: string) => void): number {
  let cleared = 0;
  for (const name of safeReaddir(tmpRoot)) {
    if (name === ownId) continue;
    const entry = path.join(tmpRoot, name);
    const lease = readLease(entry);
    if (lease && isAlive(lease, path.join(entry, LEASE_FILE))) continue;
    // A session's lease is written right after its folder is made: give a folder without one
    // (yet) a minute before calling it a leftover.
    if (!lease && isSessionName(name) && ageMs(entry) < RENEW_MS) continue;
    if (removeArea(entry, restorePurged)) cleared += 1;
  }
  return cleared;
}

function isSessionName(name: string): boolean {
  return /^\d+-[0-9a-f]{8}$/.test(name);
}

function readLease(dir: string): SessionLease | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, LEASE_FILE), 'utf8')) as Partial<SessionLease>;
    if (typeof raw.pid !== 'number' || typeof raw.host !== 'string') return null;
    return { pid: raw.pid, host: raw.host, program: String(raw.program ?? ''), startedAt: String(raw.startedAt ?? '') };
  } catch {
    return null;
  }
}

/**
 * This computer as leases name it: its name and its network cards' hardware addresses. PCs
 * cloned from one image often share a name; judging another PC's process by a pid on this one
 * would clear a temp area still in use.
 */
function thisComputer(): string {
  const macs = Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.mac && i.mac !== '00:00:00:00:00:00')
    .map((i) => i!.mac);
  return [os.hostname(), ...[...new Set(macs)].sort()].join(' ');
}

function isAlive(lease: SessionLease, leaseFile: string): boolean {
  if (lease.host !== thisComputer()) return ageMs(leaseFile) < FOREIGN_HOST_STALE_MS;
  if (lease.pid === process.pid) return true;
  try {
    process.kill(lease.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/**
 * Remove one temp area. Files a purge had moved aside but whose transaction never committed
 * (the process died in between) go back to the store first: nothing the database may still
 * refer to is ever deleted here.
 */
function removeArea(entry: string, restorePurged: (file: string, sha256: string) => void): boolean {
  for (const name of safeReaddir(path.join(entry, PURGING_DIR))) {
    try {
      restorePurged(path.join(entry, PURGING_DIR, name), name);
    } catch {
      return false; // keep the whole area rather than lose the file
    }
  }
  try {
    fs.rmSync(entry, { recursive: true, force: true, maxRetries: 2 });
    return true;
  } catch {
    // A file still open elsewhere (Windows keeps open files): the next open tries again.
    return false;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
