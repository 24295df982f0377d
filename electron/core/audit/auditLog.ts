import type { Db } from '../archive/database';

export type AuditEntity = 'dossier' | 'indicator_system' | 'indicator' | 'unit' | 'material' | 'blob' | 'packet';

/** Every change is written here, inside the same transaction as the change itself. */
export function audit(
  db: Db,
  action: string,
  entity: AuditEntity,
  entityId: number | string | null,
  detail: Record<string, unknown> = {},
): void {
  db.prepare('INSERT INTO audit_log (at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    action,
    entity,
    entityId === null ? null : String(entityId),
    JSON.stringify(detail),
  );
}
