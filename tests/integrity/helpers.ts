// Shared by the integrity tests: the CLI as a child process, and what a clerk's IT person would
// check on an archive folder after a crash.
import fs from 'node:fs';
import path from 'node:path';
import { openArchive } from '../../electron/core/archive/archive';
import { findOrphans } from '../../electron/core/integrity/orphans';
import { sha256File } from '../../electron/core/store/hash';
import { dossierBin, runDossier, type CliResult } from '../helpers/cli';

export const bin = dossierBin;
export const dossier = (...args: string[]): Promise<CliResult> => runDossier(args);

export interface ArchiveState {
  materials: number;
  blobs: number;
  filesOnDisk: number;
  orphans: number;
  duplicateMaterials: number;
  /** Rows whose file is missing or whose file does not hash to its name or size. */
  broken: string[];
  /** Leftovers of interrupted imports that opening found in tmp/ and removed. */
  tmpEntriesCleared: number;
  tmpEntriesAfterOpen: number;
  integrityCheck: string;
}

/** Open the archive as the app would (this clears tmp/), and check every row and every file. */
export async function inspectArchive(dir: string): Promise<ArchiveState> {
  const archive = openArchive(dir);
  try {
    const broken: string[] = [];
    const blobs = archive.db.prepare('SELECT sha256, size FROM blob').all() as { sha256: string; size: number }[];
    for (const b of blobs) {
      const file = archive.store.pathFor(b.sha256);
      if (!fs.existsSync(file)) broken.push(`row without file: ${b.sha256}`);
      else if (fs.statSync(file).size !== b.size) broken.push(`size mismatch: ${b.sha256}`);
    }
    const onDisk = await archive.store.listAll();
    for (const sha of onDisk) {
      if ((await sha256File(archive.store.pathFor(sha))) !== sha) broken.push(`partial or altered file under ${sha}`);
    }
    const missingBlobRows = archive.db.prepare('SELECT count(*) FROM material m LEFT JOIN blob b ON b.sha256 = m.sha256 WHERE b.sha256 IS NULL').pluck().get() as number;
    if (missingBlobRows) broken.push(`${missingBlobRows} materials without blob rows`);
    return {
      materials: archive.db.prepare('SELECT count(*) FROM material').pluck().get() as number,
      blobs: blobs.length,
      filesOnDisk: onDisk.length,
      orphans: (await findOrphans(archive)).length,
      duplicateMaterials: archive.db
        .prepare('SELECT count(*) FROM (SELECT sha256 FROM material GROUP BY dossier_id, sha256 HAVING count(*) > 1)')
        .pluck()
        .get() as number,
      broken,
      tmpEntriesCleared: archive.openReport.tmpEntriesCleared,
      // Everything in tmp/ but this process's own (just made) area and its lease.
      tmpEntriesAfterOpen:
        fs.readdirSync(path.dirname(archive.tmpDir)).filter((n) => n !== path.basename(archive.tmpDir)).length +
        fs.readdirSync(archive.tmpDir).filter((n) => n !== 'session.json').length,
      integrityCheck: archive.db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    archive.close();
  }
}
