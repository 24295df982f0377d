import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import { thumbnailPath, type Archive } from '../archive/archive';
import { renditionPath } from '../photos/rendition';

/** Whether any row (a material, or a photo in a 组照) still shows this content. */
export function blobInUse(archive: Archive, sha256: string): boolean {
  return Boolean(
    archive.db
      .prepare(
        `SELECT 1 FROM material WHERE sha256 = @sha
         UNION ALL SELECT 1 FROM material_photo WHERE sha256 = @sha LIMIT 1`,
      )
      .get({ sha: sha256 }),
  );
}

/**
 * Remove a stored file, its blob row and derived images once nothing refers to it any more. The row
 * goes first (in its own statement), then the file: a crash between leaves a file without a row,
 * which the integrity check reports, never a row without its file.
 */
export async function removeBlobIfUnreferenced(archive: Archive, sha256: string): Promise<boolean> {
  if (blobInUse(archive, sha256)) return false;
  try {
    archive.db.prepare('DELETE FROM blob WHERE sha256 = ?').run(sha256);
  } catch {
    return false; // another capability still refers to it (foreign key): keep it
  }
  // Same tick as the DELETE: an import committing this content meanwhile checks the file exists.
  rmSync(archive.store.pathFor(sha256), { force: true });
  await fs.rm(thumbnailPath(archive, sha256), { force: true });
  await fs.rm(renditionPath(archive, sha256), { force: true });
  return true;
}
