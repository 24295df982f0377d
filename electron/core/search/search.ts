import type { SearchFilters, SearchResult } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { listMaterialsByIds } from '../materials/repo';
import { filterConditions } from './filters';
import { snippetsFor } from './snippets';

export interface SearchArgs {
  dossierId: number;
  query: string;
  filters: SearchFilters;
  limit: number;
}

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Substring search over titles, metadata and extracted text, narrowed by filters. FTS5's trigram
 * tokenizer needs at least three characters; shorter queries (common two-character Chinese words)
 * use LIKE over the same columns. An empty query lists what the filters keep.
 */
export function searchMaterials(db: Db, args: SearchArgs): SearchResult {
  const q = args.query.trim();
  const { where, params } = filterConditions(args.filters);
  where.unshift('m.dossier_id = @dossierId', 'm.trashed_at IS NULL');
  Object.assign(params, { dossierId: args.dossierId, limit: args.limit + 1 });
  let sql: string;
  if (!q) {
    sql = `SELECT m.id FROM material m WHERE ${where.join(' AND ')} ORDER BY m.id LIMIT @limit`;
  } else if ([...q].length >= 3) {
    // In index order, not by rank: ranking every match of a common word costs more than the
    // 50 ms a clerk will wait, and the result is read as a list anyway.
    params.match = `"${q.replaceAll('"', '""')}"`;
    sql = `SELECT m.id FROM material_fts f JOIN material m ON m.id = f.rowid
           WHERE material_fts MATCH @match AND ${where.join(' AND ')} ORDER BY f.rowid LIMIT @limit`;
  } else {
    params.like = escapeLike(q);
    sql = `SELECT m.id FROM material_fts f JOIN material m ON m.id = f.rowid
           WHERE (f.title LIKE @like ESCAPE '\\' OR f.meta LIKE @like ESCAPE '\\' OR f.body LIKE @like ESCAPE '\\')
             AND ${where.join(' AND ')} ORDER BY m.id LIMIT @limit`;
  }
  const ids = (db.prepare(sql).all(params) as { id: number }[]).map((r) => r.id);
  const truncated = ids.length > args.limit;
  const kept = ids.slice(0, args.limit);
  const snippets = snippetsFor(db, kept, q);
  return {
    truncated,
    hits: listMaterialsByIds(db, kept).map((material) => ({
      material,
      ...(snippets.get(material.id) ?? { snippet: '', snippetSource: '' as const }),
    })),
  };
}
