import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';

/** A dossier's UUID, the identity bundles name it by (migration 9 gives every dossier one). */
export function dossierUuid(db: Db, dossierId: number): string {
  const uuid = db.prepare('SELECT uuid FROM dossier WHERE id = ?').pluck().get(dossierId) as string | undefined;
  if (!uuid) throw new ApiError('not_found', `档案不存在（编号 ${dossierId}）`);
  return uuid;
}

export function materialUuid(db: Db, materialId: number): string {
  return db.prepare('SELECT uuid FROM material WHERE id = ?').pluck().get(materialId) as string;
}
