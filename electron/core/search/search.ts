import type { Material } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { listMaterialsByIds } from '../materials/repo';

const LIMIT = 500;

/**
 * Substring search over titles, metadata and extracted text. FTS5's trigram tokenizer needs at
 * least three characters; shorter queries (common two-character Chinese words) use LIKE.
 */
export function searchMaterials(db: Db, dossierId: number, query: string): Material[] {
  const q = query.trim();
  const ids =
    [...q].length >= 3
      ? (db
          .prepare(
            `SELECT f.rowid AS id FROM material_fts f JOIN material m ON m.id = f.rowid
             WHERE material_fts MATCH ? AND m.dossier_id = ? AND m.trashed_at IS NULL
             ORDER BY rank LIMIT ${LIMIT}`,
          )
          .all(`"${q.replaceAll('"', '""')}"`, dossierId) as { id: number }[])
      : (db
          .prepare(
            `SELECT f.rowid AS id FROM material_fts f JOIN material m ON m.id = f.rowid
             WHERE m.dossier_id = @dossierId AND m.trashed_at IS NULL
               AND (f.title LIKE @like ESCAPE '\\' OR f.meta LIKE @like ESCAPE '\\' OR f.body LIKE @like ESCAPE '\\')
             ORDER BY m.id LIMIT ${LIMIT}`,
          )
          .all({ dossierId, like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }) as { id: number }[]);
  return listMaterialsByIds(db, ids.map((r) => r.id));
}
