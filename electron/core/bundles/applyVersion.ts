// Applying a unit's version of a material on the lead's side, shared by receiving and by
// choosing the unit's side of a conflict.
import type { SubmittedPhoto } from '../../../shared/api/bundleFormat';
import type { MaterialFields } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { updateGroup } from '../materials/groups';
import { linkMaterial, unlinkMaterial } from '../materials/links';
import { getMaterial } from '../materials/repo';
import { updateMaterial } from '../materials/update';

/** A unit's version of a material: its fields, its indicator codes, a 组照's photos. */
export interface UnitVersion {
  fields: MaterialFields;
  indicators: string[];
  photos?: SubmittedPhoto[];
}

/**
 * Make the lead's material what the unit sent: fields, a 组照's order and captions, and links
 * (on a material already received, links the unit removed go too).
 */
export function applyUnitVersion(db: Db, materialId: number, version: UnitVersion, codes: Map<string, number>, received: boolean): void {
  updateMaterial(db, materialId, version.fields);
  if (received && version.photos) updateGroup(db, materialId, version.photos);
  syncLinks(db, materialId, version.indicators, codes, received);
}

/** 待审 again for what a unit sent (`overwrite` false: a material already judged keeps its state). */
export function markPending(db: Db, materialId: number, now: string, overwrite = true): void {
  db.prepare(`INSERT INTO material_review (material_id, state, comment, at) VALUES (?, 'pending', '', ?) ON CONFLICT DO ${overwrite ? "UPDATE SET state = 'pending', comment = '', at = excluded.at" : 'NOTHING'}`).run(materialId, now);
}

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
