import fs from 'node:fs';
import path from 'node:path';
import { BlobStore, blobPath, isSha256 } from '../store/blobStore';
import { openDatabase, type Db, type OpenDatabaseOptions } from './database';
import { openTmpSession } from './tmpSessions';

/**
 * An archive is a folder:
 *   archive.db   SQLite (WAL, foreign keys, synchronous=FULL)
 *   files/       originals, content-addressed
 *   derived/     thumbnails and other rebuildable outputs
 *   tmp/<session>/  this process's in-flight work (see tmpSessions.ts)
 */
export interface Archive {
  root: string;
  db: Db;
  store: BlobStore;
  derivedDir: string;
  /** This process's own temp area; other processes' areas are never touched while they run. */
  tmpDir: string;
  /** What opening found: temp areas of processes that ended without cleaning up (already removed). */
  openReport: { tmpEntriesCleared: number };
  close(): void;
}

export interface OpenArchiveOptions extends OpenDatabaseOptions {
  /** Who opens it, as a clerk would say it (命令行, 桌面程序, 浏览器模式): shown to other processes. */
  program?: string;
}

export function openArchive(root: string, options: OpenArchiveOptions = {}): Archive {
  const absRoot = path.resolve(root);
  const filesDir = path.join(absRoot, 'files');
  const derivedDir = path.join(absRoot, 'derived');
  const tmpRoot = path.join(absRoot, 'tmp');
  for (const dir of [absRoot, filesDir, derivedDir]) fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(absRoot, 'archive.db'), options);
  // A file a dead process had moved aside to purge: back into the store while its row still
  // exists (the purge never committed), deleted when the row is gone (it did).
  const restorePurged = (file: string, sha256: string) => {
    const referenced = isSha256(sha256) && db.prepare('SELECT 1 FROM blob WHERE sha256 = ?').get(sha256);
    const target = isSha256(sha256) ? blobPath(filesDir, sha256) : null;
    if (referenced && target && !fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(file, target);
    } else {
      fs.rmSync(file, { force: true });
    }
  };
  let session;
  try {
    session = openTmpSession(tmpRoot, options.program ?? '命令行', restorePurged);
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    root: absRoot,
    db,
    store: new BlobStore(filesDir, session.dir),
    derivedDir,
    tmpDir: session.dir,
    openReport: { tmpEntriesCleared: session.cleared },
    close: () => {
      session.close();
      db.close();
    },
  };
}

export function thumbnailPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'thumbs', sha256.slice(0, 2), `${sha256}.webp`);
}
