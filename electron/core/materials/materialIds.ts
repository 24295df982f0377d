import type { Db } from '../archive/database';

/**
 * The number for a new material: above every number ever used, also by materials purged since
 * (their history is still read under it). Call inside the transaction that inserts the row; the
 * trigger of migration 5 then raises the mark.
 */
export function nextMaterialId(db: Db): number {
  return (db.prepare("SELECT value + 1 AS id FROM id_high_water WHERE name = 'material'").get() as { id: number }).id;
}
