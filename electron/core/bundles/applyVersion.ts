// Applying a unit's version of a material on the lead's side, shared by receiving and by
// choosing the unit's side of a conflict.
import type { Db } from '../archive/database';
import { linkMaterial, unlinkMaterial } from '../materials/links';
import { getMaterial } from '../materials/repo';

/**
 * When the unit's version was applied: not before the material's own last change, which applying
 * it just made (a clock tick later than `now`), so that only the lead's later edits count as its own.
 */
export function appliedAt(db: Db, materialId: number, now: string): string {
  const updated = db.prepare('SELECT updated_at FROM material WHERE id = ?').pluck().get(materialId) as string;
  return updated > now ? updated : now;
}

/** The unit's links: added; on a changed material, links the unit removed go too. */
export function syncLinks(db: Db, materialId: number, wanted: string[], codes: Map<string, number>, removeOthers: boolean): void {
  const ids = wanted.map((c) => codes.get(c)).filter((id): id is number => id !== undefined);
  for (const id of ids) linkMaterial(db, materialId, id);
  if (!removeOthers) return;
  for (const id of getMaterial(db, materialId).indicatorIds) if (!ids.includes(id)) unlinkMaterial(db, materialId, id);
}
