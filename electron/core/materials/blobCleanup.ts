import fs from 'node:fs';
import path from 'node:path';
import { thumbnailPath, type Archive } from '../archive/archive';
import { PURGING_DIR } from '../archive/tmpSessions';
import { removeDerivedPdf } from '../pdfRepair/cache';
import { PRINTED_KINDS, printedPdfPath } from '../packets/printedPdf';
import { removeOfficePdf } from '../convert/officePdf';
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
 * Remove a stored file, its blob row and derived files once nothing refers to it any more.
 * The check, the row and the file go in one write transaction: another process committing the
 * same content meanwhile either sees the file gone (and stores it again) or is seen here as a
 * new reference (and the file stays). Inside the transaction the file is only moved aside, to
 * this process's temp area, so a failed commit can put it back, and a crash leaves it where the
 * next open returns it to the store (see archive/tmpSessions.ts).
 */
export async function removeBlobIfUnreferenced(archive: Archive, sha256: string): Promise<boolean> {
  const original = archive.store.pathFor(sha256);
  const aside = path.join(archive.tmpDir, PURGING_DIR, sha256);
  let removed: boolean;
  try {
    removed = archive.db.transaction(() => {
      if (blobInUse(archive, sha256)) return false;
      archive.db.prepare('DELETE FROM blob WHERE sha256 = ?').run(sha256);
      if (fs.existsSync(original)) {
        fs.mkdirSync(path.dirname(aside), { recursive: true });
        fs.renameSync(original, aside);
      }
      return true;
    })();
  } catch {
    // Rolled back (another capability still refers to it, or the move failed): keep the file.
    if (fs.existsSync(aside) && !fs.existsSync(original)) fs.renameSync(aside, original);
    return false;
  }
  if (!removed) return false;
  fs.rmSync(aside, { force: true });
  try {
    fs.rmdirSync(path.dirname(aside)); // while empty; all of this runs in one tick
  } catch {
    /* another file is still on its way out */
  }
  await fs.promises.rm(thumbnailPath(archive, sha256), { force: true });
  await fs.promises.rm(renditionPath(archive, sha256), { force: true });
  await removeDerivedPdf(archive, sha256);
  for (const kind of PRINTED_KINDS) await fs.promises.rm(printedPdfPath(archive, kind, sha256), { force: true });
  await removeOfficePdf(archive, sha256);
  return true;
}
