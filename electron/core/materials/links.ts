import type { Material } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getMaterial } from './repo';

function assertSameSystem(db: Db, materialId: number, indicatorId: number): void {
  const row = db
    .prepare(
      `SELECT d.system_id AS dossier_system, i.system_id AS indicator_system
       FROM material m JOIN dossier d ON d.id = m.dossier_id, indicator i
       WHERE m.id = ? AND i.id = ?`,
    )
    .get(materialId, indicatorId) as { dossier_system: number | null; indicator_system: number } | undefined;
  if (!row) throw new ApiError('not_found', `材料（${materialId}）或指标（${indicatorId}）不存在`);
  if (row.dossier_system !== row.indicator_system) {
    throw new ApiError('conflict', '该指标不属于此档案所用的测评体系');
  }
}

/** Link a material to an indicator (many to many; the file stays stored once). Idempotent. */
export function linkMaterial(db: Db, materialId: number, indicatorId: number, batch?: string): Material {
  return db.transaction(() => {
    assertSameSystem(db, materialId, indicatorId);
    const next = db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM material_indicator WHERE indicator_id = ?')
      .get(indicatorId) as { p: number };
    const info = db
      .prepare('INSERT OR IGNORE INTO material_indicator (material_id, indicator_id, position) VALUES (?, ?, ?)')
      .run(materialId, indicatorId, next.p);
    if (info.changes) audit(db, 'link', 'material', materialId, batch ? { indicatorId, batch } : { indicatorId });
    return getMaterial(db, materialId);
  })();
}

/** `batch` marks a bulk action, so that `undoLastBatch` can put back exactly what it changed. */
export function unlinkMaterial(db: Db, materialId: number, indicatorId: number, batch?: string): Material {
  return db.transaction(() => {
    // The position is kept in the log: an undo files the material back where it stood.
    const row = db
      .prepare('SELECT position FROM material_indicator WHERE material_id = ? AND indicator_id = ?')
      .get(materialId, indicatorId) as { position: number } | undefined;
    const info = db
      .prepare('DELETE FROM material_indicator WHERE material_id = ? AND indicator_id = ?')
      .run(materialId, indicatorId);
    if (info.changes) {
      audit(db, 'unlink', 'material', materialId, batch ? { indicatorId, position: row?.position, batch } : { indicatorId });
    }
    return getMaterial(db, materialId);
  })();
}
