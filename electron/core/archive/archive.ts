import fs from 'node:fs';
import path from 'node:path';
import { BlobStore } from '../store/blobStore';
import { openDatabase, type Db, type OpenDatabaseOptions } from './database';

/**
 * An archive is a folder:
 *   archive.db   SQLite (WAL, foreign keys, synchronous=FULL)
 *   files/       originals, content-addressed
 *   derived/     thumbnails and other rebuildable outputs
 *   tmp/         in-flight imports; emptied at open
 */
export interface Archive {
  root: string;
  db: Db;
  store: BlobStore;
  derivedDir: string;
  tmpDir: string;
  /** What opening found: leftovers of imports that never finished (already removed). */
  openReport: { tmpEntriesCleared: number };
  close(): void;
}

export function openArchive(root: string, options: OpenDatabaseOptions = {}): Archive {
  const absRoot = path.resolve(root);
  const filesDir = path.join(absRoot, 'files');
  const derivedDir = path.join(absRoot, 'derived');
  const tmpDir = path.join(absRoot, 'tmp');
  for (const dir of [absRoot, filesDir, derivedDir]) fs.mkdirSync(dir, { recursive: true });
  // Anything left in tmp/ is an import that never finished: it has no row, so drop it.
  const leftovers = fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).length : 0;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const db = openDatabase(path.join(absRoot, 'archive.db'), options);
  return {
    root: absRoot,
    db,
    store: new BlobStore(filesDir, tmpDir),
    derivedDir,
    tmpDir,
    openReport: { tmpEntriesCleared: leftovers },
    close: () => db.close(),
  };
}

export function thumbnailPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'thumbs', sha256.slice(0, 2), `${sha256}.webp`);
}
