import { existsSync, renameSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { QuarantineResult } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { audit } from '../audit/auditLog';

/**
 * Stored files no blob row refers to. An import killed between storing the file and writing
 * its rows leaves one: complete and hash-checked (it is renamed into place only after), just
 * unregistered. Re-adding the same file adopts it (the store deduplicates by hash); otherwise
 * the clerk may move it to quarantine/. Never deleted silently.
 */
export async function findOrphans(archive: Archive): Promise<string[]> {
  const known = new Set((archive.db.prepare('SELECT sha256 FROM blob').pluck().all() as string[]));
  return (await archive.store.listAll()).filter((sha) => !known.has(sha)).sort();
}

export function quarantineDir(archive: Archive): string {
  return path.join(archive.root, 'quarantine');
}

export async function quarantineOrphans(archive: Archive): Promise<QuarantineResult> {
  const dir = quarantineDir(archive);
  const moved: string[] = [];
  const known = archive.db.prepare('SELECT 1 FROM blob WHERE sha256 = ?');
  for (const sha of await findOrphans(archive)) {
    await fs.mkdir(dir, { recursive: true });
    // Never over a file already there (the same content quarantined before): side by side.
    const target = existsSync(path.join(dir, sha)) ? path.join(dir, `${sha}.${Date.now()}`) : path.join(dir, sha);
    // Checked again inside a write transaction: another process may have just committed the
    // row for a file it had stored a moment before (an import in flight looks like an orphan).
    const isMoved = archive.db.transaction(() => {
      if (known.get(sha)) return false;
      renameSync(archive.store.pathFor(sha), target);
      // The audit log has no blob entity; the material-less entry names the file instead.
      audit(archive.db, 'quarantine', 'blob', sha, { to: target });
      return true;
    })();
    if (isMoved) moved.push(target);
  }
  return { dir, moved };
}
