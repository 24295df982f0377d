import type { Material, OnlineCategory } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getMaterial } from './repo';

/** The clerk's 网上申报 category for some materials; null returns them to the one their kind gives. */
export function setOnlineCategory(db: Db, materialIds: number[], category: OnlineCategory | null): Material[] {
  return db.transaction(() =>
    materialIds.map((id) => {
      const before = getMaterial(db, id);
      if (category === null) db.prepare('DELETE FROM material_online_category WHERE material_id = ?').run(id);
      else {
        db.prepare(
          'INSERT INTO material_online_category (material_id, category) VALUES (?, ?) ON CONFLICT (material_id) DO UPDATE SET category = excluded.category',
        ).run(id, category);
      }
      const after = getMaterial(db, id);
      if (after.onlineCategory !== before.onlineCategory || after.onlineCategorySet !== before.onlineCategorySet) {
        audit(db, 'material.online_category', 'material', id, { before: before.onlineCategorySet ? before.onlineCategory : null, after: category });
      }
      return after;
    }),
  )();
}
