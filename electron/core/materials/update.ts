import type { Material, MaterialFields } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getLiveMaterial, getMaterial } from './repo';

const columns: Record<keyof MaterialFields, string> = {
  title: 'title',
  responsible: 'responsible',
  docNumber: 'doc_number',
  date: 'date',
  securityLevel: 'security_level',
  retention: 'retention',
  pages: 'pages',
  note: 'note',
  photoTime: 'photo_time',
  place: 'place',
  people: 'people',
  photographer: 'photographer',
  description: 'description',
};

/** Apply the named fields to one material; the audit log records each change as before → after. */
function applyFields(db: Db, materialId: number, fields: Partial<MaterialFields>): void {
  const before = getLiveMaterial(db, materialId);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(fields) as (keyof MaterialFields)[]) {
    const value = fields[key];
    if (value === undefined || value === before[key]) continue;
    changes[key] = { from: before[key], to: value };
    db.prepare(`UPDATE material SET ${columns[key]} = ? WHERE id = ?`).run(value, materialId);
  }
  if (Object.keys(changes).length === 0) return;
  db.prepare('UPDATE material SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), materialId);
  audit(db, 'update', 'material', materialId, { changes });
}

export function updateMaterial(db: Db, materialId: number, fields: Partial<MaterialFields>): Material {
  db.transaction(() => applyFields(db, materialId, fields))();
  return getMaterial(db, materialId);
}

/** The same fields for many materials at once, all or nothing. */
export function updateMaterials(db: Db, materialIds: number[], fields: Partial<MaterialFields>): Material[] {
  db.transaction(() => {
    for (const id of materialIds) applyFields(db, id, fields);
  })();
  return materialIds.map((id) => getMaterial(db, id));
}
