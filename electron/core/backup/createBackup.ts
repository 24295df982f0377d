import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import type { BackupResult } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { latestSchemaVersion } from '../archive/migrations';
import { writeZip, type ZipSource } from '../zip';
import { listFiles, formatManifest, MANIFEST_NAME, META_NAME, type BackupMeta } from './manifest';
import { describeWriteError } from './writeErrors';

/** How often a snapshot is taken again when purges keep removing files under it. */
const SNAPSHOT_ATTEMPTS = 5;

/**
 * One-file backup: a zip holding a copy of the database (SQLite's online backup API, never a
 * copy of the live file), every original it refers to, the rebuildable derived files (so
 * thumbnails come back too), and MANIFEST.sha256 listing each with its SHA-256, hashed as it
 * streams into the zip. Database and originals are one snapshot: see `snapshot`.
 */
export async function createBackup(archive: Archive, outFile: string, automatic = false): Promise<BackupResult> {
  const staging = path.join(archive.tmpDir, `backup-${randomUUID()}`);
  const createdAt = new Date().toISOString();
  try {
    await fs.mkdir(path.dirname(outFile), { recursive: true });
    const { names: blobs, missing } = await snapshot(archive, staging);
    const derived = await linkDerived(archive, staging);
    const hashes = new Map<string, ReturnType<typeof createHash>>();
    const sizes: Record<string, number> = {}; // restore matches each entry's declared size to these
    const hashed = (name: string, compress: boolean): ZipSource => {
      const hash = createHash('sha256');
      hashes.set(name, hash);
      sizes[name] = 0;
      const onData = (chunk: Buffer) => {
        hash.update(chunk);
        sizes[name] += chunk.length;
      };
      return { name, file: path.join(staging, ...name.split('/')), compress, onData };
    };
    // Photos and PDFs are compressed already; storing them keeps backups fast.
    const payload = [hashed('archive.db', true), ...blobs.map((n) => hashed(n, false)), ...derived.map((n) => hashed(n, false))];
    let manifest = '';
    const entries: ZipSource[] = [
      ...payload,
      {
        name: MANIFEST_NAME,
        // Opened last, after every entry before it has been streamed and hashed: the manifest
        // states what was written.
        open: () => {
          manifest = formatManifest(new Map([...hashes].map(([name, hash]) => [name, hash.digest('hex')])));
          return Readable.from([Buffer.from(manifest)]);
        },
      },
      {
        name: META_NAME,
        open: () => {
          const meta: BackupMeta = { format: 'dossier-backup', version: 1, createdAt, schemaVersion: latestSchemaVersion, blobCount: blobs.length, missingOriginals: missing, sizes };
          return Readable.from([Buffer.from(JSON.stringify(meta, null, 2))]);
        },
      },
    ];
    await writeZip(outFile, entries);
    const stat = await fs.stat(outFile);
    return {
      file: outFile,
      createdAt,
      size: stat.size,
      automatic,
      blobCount: blobs.length,
      missingOriginals: missing,
      manifestSha256: createHash('sha256').update(manifest).digest('hex'),
    };
  } catch (err) {
    throw describeWriteError(err, `无法写入备份文件 ${outFile}`);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * The database and the originals from one moment. The database is copied first; then every
 * original the copy refers to is hard-linked beside it (a copy where the disk cannot link).
 * A link holds the file even if a purge removes it from the store a moment later. Should a
 * purge have removed one between the copy and its link, the database is copied again: the new
 * copy no longer lists it, and the links already made stay valid (originals never change), so
 * this settles at once. An original the live database still lists but the store lacks was lost
 * before the backup (四性检测 names it): the backup holds the rest and names it in backup.json.
 */
async function snapshot(archive: Archive, staging: string): Promise<{ names: string[]; missing: string[] }> {
  await fs.mkdir(staging, { recursive: true });
  const dbCopy = path.join(staging, 'archive.db');
  const linked = new Set<string>();
  const lost = new Set<string>();
  const registered = archive.db.prepare('SELECT 1 FROM blob WHERE sha256 = ?');
  const nameOf = (sha: string) => path.relative(archive.root, archive.store.pathFor(sha)).split(path.sep).join('/');
  for (let attempt = 1; ; attempt += 1) {
    await fs.rm(dbCopy, { force: true });
    await archive.db.backup(dbCopy);
    const copy = new Database(dbCopy, { readonly: true });
    let shas: string[];
    try {
      shas = copy.prepare('SELECT sha256 FROM blob ORDER BY sha256').pluck().all() as string[];
    } finally {
      copy.close();
    }
    let vanished = false;
    for (const sha of shas) {
      if (linked.has(sha) || lost.has(sha)) continue;
      if (await linkOrCopy(archive.store.pathFor(sha), path.join(staging, ...nameOf(sha).split('/')))) linked.add(sha);
      else if (registered.get(sha)) lost.add(sha);
      else vanished = true;
    }
    if (!vanished) {
      const wanted = new Set(shas);
      for (const sha of linked) if (!wanted.has(sha)) await fs.rm(path.join(staging, ...nameOf(sha).split('/')));
      return { names: shas.filter((s) => linked.has(s)).map(nameOf).sort(), missing: shas.filter((s) => lost.has(s)) };
    }
    if (attempt === SNAPSHOT_ATTEMPTS) {
      throw new Error('档案库中的文件在备份过程中不断被清除，无法取得一致的快照，请稍后重试');
    }
  }
}

/** Derived files are rebuildable: the ones there now come along, a missing one is no loss. */
async function linkDerived(archive: Archive, staging: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await listFiles(archive.root, 'derived')) {
    if (name.endsWith('.part')) continue;
    if (await linkOrCopy(path.join(archive.root, ...name.split('/')), path.join(staging, ...name.split('/')))) out.push(name);
  }
  return out.sort();
}

/** False when the source is gone. */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  try {
    await fs.link(from, to);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // FAT/exFAT drives, network shares and link limits: copy instead.
    try {
      await fs.copyFile(from, to);
      return true;
    } catch (copyErr) {
      if ((copyErr as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw copyErr;
    }
  }
}
