import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { BackupResult } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { latestSchemaVersion } from '../archive/migrations';
import { hashingTap } from '../store/hash';
import { writeZip, type ZipSource } from '../zip';
import { listFiles, formatManifest, MANIFEST_NAME, META_NAME } from './manifest';
import { describeWriteError } from './writeErrors';

/**
 * One-file backup: a zip holding a consistent copy of the database (SQLite's online backup
 * API, never a copy of the live file), every stored original, the rebuildable derived files
 * (so thumbnails come back too), and MANIFEST.sha256 listing every one with its SHA-256.
 * Each file is hashed as it streams into the zip, so the manifest states what was written.
 */
export async function createBackup(archive: Archive, outFile: string, automatic = false): Promise<BackupResult> {
  const staging = path.join(archive.tmpDir, `backup-${randomUUID()}`);
  const createdAt = new Date().toISOString();
  try {
    await fs.mkdir(staging, { recursive: true });
    await fs.mkdir(path.dirname(outFile), { recursive: true });
    const dbCopy = path.join(staging, 'archive.db');
    await archive.db.backup(dbCopy);
    const blobs = await listFiles(archive.root, 'files');
    const derived = await listFiles(archive.root, 'derived');
    const hashes = new Map<string, string>();
    const hashed = (name: string, file: string, compress: boolean): ZipSource => ({
      name,
      compress,
      open: () => {
        const tap = hashingTap();
        tap.on('end', () => hashes.set(name, tap.digest()));
        return createReadStream(file).pipe(tap);
      },
    });
    let manifest = '';
    const entries: ZipSource[] = [
      hashed('archive.db', dbCopy, true),
      // Photos and PDFs are compressed already; storing them keeps backups fast.
      ...blobs.map((name) => hashed(name, path.join(archive.root, name), false)),
      ...derived.map((name) => hashed(name, path.join(archive.root, name), false)),
      {
        name: MANIFEST_NAME,
        // Opened last, after every entry before it has been streamed and hashed.
        open: () => {
          manifest = formatManifest(hashes);
          return Readable.from([Buffer.from(manifest)]);
        },
      },
      {
        name: META_NAME,
        open: () => {
          const meta = { format: 'dossier-backup', version: 1, createdAt, schemaVersion: latestSchemaVersion, blobCount: blobs.length };
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
      manifestSha256: createHash('sha256').update(manifest).digest('hex'),
    };
  } catch (err) {
    throw describeWriteError(err, `无法写入备份文件 ${outFile}`);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
