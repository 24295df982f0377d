import type { Db } from '../archive/database';
import { MATERIAL_META_SQL } from './metaText';
import { facetTokens } from './searchFacets';
import { bigramTokens, charTokens } from './searchTokens';

/**
 * Materials are indexed after they are stored, not while: the migration's triggers mark a new or
 * changed material in `search_pending` (one row, whatever the size of its text), and the index rows are written in
 * batches by `indexPending` (the context's indexer runs it in the background; `materials.add`
 * runs it before it returns). Until then search scans the pending materials' text directly, so
 * results are complete at every moment. This keeps an import as cheap as storing its rows, and
 * text that arrives later (OCR) takes the same way.
 */
export function hasPendingIndex(db: Db): boolean {
  return db.prepare('SELECT 1 FROM search_pending LIMIT 1').get() !== undefined;
}

/** Write the index rows of up to `batch` pending materials in one transaction; returns how many. */
export function indexPending(db: Db, batch = 200): number {
  return indexMarked(db, 'SELECT material_id FROM search_pending ORDER BY material_id LIMIT @batch', { batch });
}

/** Write the index rows of these materials now, where they are pending (what `materials.add` just stored). */
export function indexMaterials(db: Db, ids: number[]): void {
  for (let at = 0; at < ids.length; at += 200) {
    indexMarked(db, 'SELECT value FROM json_each(@ids)', { ids: JSON.stringify(ids.slice(at, at + 200)) });
  }
}

/**
 * Write the rows of the pending materials that `chosen` (SQL giving material ids) selects. The
 * tables are contentless (they hold tokens, not text), so a row is deleted by its rowid alone
 * and the text stays once, in `blob.body_text` and the material's own columns.
 */
function indexMarked(db: Db, chosen: string, params: Record<string, unknown>): number {
  return db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT m.id AS id, m.title AS title, ${MATERIAL_META_SQL} AS meta, coalesce(b.body_text, '') AS body,
           m.dossier_id AS dossierId, m.kind AS kind, m.date AS date, m.trashed_at IS NOT NULL AS trashed,
           (SELECT group_concat(l.indicator_id) FROM material_indicator l WHERE l.material_id = m.id) AS links
         FROM search_pending s JOIN material m ON m.id = s.material_id LEFT JOIN blob b ON b.sha256 = m.sha256
         WHERE s.material_id IN (${chosen})`,
      )
      .all(params) as PendingRow[];
    // Marks left by a material deleted in the same statement that marked it (a cascade).
    const gone = db
      .prepare(`DELETE FROM search_pending WHERE material_id IN (${chosen}) AND material_id NOT IN (SELECT id FROM material)`)
      .run(params).changes;
    if (rows.length === 0) return gone;
    const parentOf = new Map(
      (db.prepare('SELECT id, parent_id AS parentId FROM indicator').all() as { id: number; parentId: number | null }[]).map((i) => [i.id, i.parentId]),
    );
    const dropBigram = db.prepare('DELETE FROM search_bigram WHERE rowid = ?');
    const dropChar = db.prepare('DELETE FROM search_char WHERE rowid = ?');
    const dropTitle = db.prepare('DELETE FROM search_title WHERE rowid = ?');
    const addBigram = db.prepare('INSERT INTO search_bigram (rowid, title, meta, body, facets) VALUES (?, ?, ?, ?, ?)');
    const addChar = db.prepare('INSERT INTO search_char (rowid, title, meta, body, facets) VALUES (?, ?, ?, ?, ?)');
    const addTitle = db.prepare('INSERT INTO search_title (rowid, bigrams, chars, facets) VALUES (?, ?, ?, ?)');
    const done = db.prepare('DELETE FROM search_pending WHERE material_id = ?');
    for (const r of rows) {
      const meta = r.meta ?? '';
      const indicatorIds = r.links ? r.links.split(',').map(Number) : [];
      const facets = facetTokens({ dossierId: r.dossierId, kind: r.kind, date: r.date, trashed: r.trashed === 1, indicatorIds }, parentOf);
      dropBigram.run(r.id);
      dropChar.run(r.id);
      dropTitle.run(r.id);
      addBigram.run(r.id, bigramTokens(r.title), bigramTokens(meta), bigramTokens(r.body), facets);
      const titleChars = charTokens(r.title);
      addChar.run(r.id, titleChars, charTokens(meta), charTokens(r.body), facets);
      addTitle.run(r.id, bigramTokens(r.title), titleChars, facets);
      done.run(r.id);
    }
    return rows.length + gone;
  })();
}

interface PendingRow {
  id: number;
  title: string;
  meta: string | null;
  body: string;
  dossierId: number;
  kind: string;
  date: string;
  trashed: number;
  links: string | null;
}

/** An indicator moved: what is filed under it or below it is filed under other ancestors now. */
export function markIndicatorsForIndex(db: Db, indicatorIds: number[]): void {
  if (indicatorIds.length === 0) return;
  db.prepare(
    `WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(?) UNION SELECT i.id FROM indicator i JOIN sub ON i.parent_id = sub.id)
     INSERT OR IGNORE INTO search_pending (material_id) SELECT DISTINCT material_id FROM material_indicator WHERE indicator_id IN (SELECT id FROM sub)`,
  ).run(JSON.stringify(indicatorIds));
}

/** Index everything pending now (tests and the bench, which want the work done when they return). */
export function indexAllPending(db: Db): void {
  while (indexPending(db) > 0);
}
