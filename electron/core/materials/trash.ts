import type { Material } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { removeBlobIfUnreferenced } from './blobCleanup';
import { getLiveMaterial, getMaterial } from './repo';

/** Move to 回收站: the material keeps its links and file, and is hidden everywhere else. */
export function trashMaterials(db: Db, ids: number[], batch?: string): { trashed: number } {
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const id of ids) {
      getLiveMaterial(db, id);
      db.prepare('UPDATE material SET trashed_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
      audit(db, 'trash', 'material', id, batch ? { batch } : {});
    }
  })();
  return { trashed: ids.length };
}

export function restoreMaterials(db: Db, ids: number[]): Material[] {
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const id of ids) {
      const m = getMaterial(db, id);
      if (!m.trashedAt) continue;
      db.prepare('UPDATE material SET trashed_at = NULL, updated_at = ? WHERE id = ?').run(now, id);
      audit(db, 'restore', 'material', id);
    }
  })();
  return ids.map((id) => getMaterial(db, id));
}

/**
 * Remove materials from the 回收站 for good. Their rows go in one transaction (the audit log
 * keeps their history); then each file is removed only when no other row refers to it.
 */
export async function purgeMaterials(archive: Archive, ids: number[]): Promise<{ purged: number; filesRemoved: number }> {
  const { db } = archive;
  const shas = new Set<string>();
  db.transaction(() => {
    for (const id of ids) {
      const m = getMaterial(db, id);
      if (!m.trashedAt) throw new ApiError('conflict', `材料《${m.title}》不在回收站中，请先删除再彻底清除`);
      shas.add(m.sha256);
      for (const p of m.photos) shas.add(p.sha256);
      db.prepare('DELETE FROM material WHERE id = ?').run(id);
      audit(db, 'purge', 'material', id, { title: m.title, sha256: m.sha256 });
    }
  })();
  let filesRemoved = 0;
  for (const sha of shas) if (await removeBlobIfUnreferenced(archive, sha)) filesRemoved += 1;
  return { purged: ids.length, filesRemoved };
}
