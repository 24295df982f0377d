// 材料审核 (lead): 通过 or 退回 with a comment, one material or many at once; each step goes to
// the material's change log. 退回 items and their comments travel back in the next 任务包.
import type { MaterialStatus, ReviewState } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getMaterial } from '../materials/repo';
import { providers } from './receive';

export function reviewMaterials(db: Db, input: { materialIds: number[]; state: Exclude<ReviewState, 'pending'>; comment: string }): MaterialStatus[] {
  return db.transaction(() => {
    const now = new Date().toISOString();
    for (const id of input.materialIds) {
      const m = getMaterial(db, id);
      if (!db.prepare('SELECT 1 FROM material_provenance WHERE material_id = ?').get(id)) {
        throw new ApiError('bad_input', `材料 ${id}《${m.title}》不是成员单位报送的材料，无需审核`);
      }
      db.prepare('INSERT INTO material_review (material_id, state, comment, at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET state = excluded.state, comment = excluded.comment, at = excluded.at').run(id, input.state, input.comment, now);
      audit(db, input.state === 'passed' ? 'review.pass' : 'review.return', 'material', id, input.comment ? { message: input.comment } : {});
    }
    return materialStatuses(db, input.materialIds);
  })();
}

export function materialStatuses(db: Db, materialIds: number[]): MaterialStatus[] {
  const review = db.prepare('SELECT state, comment, at FROM material_review WHERE material_id = ?');
  const latest = db.prepare('SELECT max(submitted_at) FROM material_provenance WHERE material_id = ?').pluck();
  return materialIds.map((materialId) => ({
    materialId,
    providedBy: providers(db, materialId),
    submittedAt: (latest.get(materialId) as string | null) ?? null,
    review: (review.get(materialId) as MaterialStatus['review'] | undefined) ?? null,
  }));
}

/** Statuses of a dossier's live materials, in id order. */
export function dossierStatuses(db: Db, dossierId: number): MaterialStatus[] {
  const ids = db.prepare('SELECT id FROM material WHERE dossier_id = ? AND trashed_at IS NULL ORDER BY id').pluck().all(dossierId) as number[];
  return materialStatuses(db, ids);
}
