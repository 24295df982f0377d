import type { SearchFilters, SearchResult } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { listMaterialsByIds } from '../materials/repo';
import { filterConditions } from './filters';
import { MATERIAL_META_SQL } from './metaText';
import { facetMatch, hasOddDates } from './searchFacets';
import { hasPendingIndex } from './searchIndex';
import { matchPhrase, searchChars } from './searchTokens';
import { lowerAscii, snippetsFor } from './snippets';

/**
 * Matches are counted up to this many: beyond it the count is shown as “1000 份以上”. Counting
 * to 10,000 took 20–50 ms of a common word's search at 100,000 materials (to 1,000: 1–10 ms),
 * and no clerk pages through a thousand materials; a filter or a longer word narrows it.
 */
export const COUNT_CAP = 1_000;

export interface SearchArgs {
  dossierId: number;
  query: string;
  filters: SearchFilters;
  limit: number;
}

interface Found {
  /** Title matches, then the others, each in filing order, up to the limit. */
  titleIds: number[];
  restIds: number[];
  /** Up to COUNT_CAP + 1. */
  total: number;
}

/**
 * Substring search over titles, metadata and extracted text, narrowed by filters: materials
 * whose title holds the query first, then the others, each in filing order, and how many match
 * in all. A query of two or more characters is a phrase of bigram tokens, one character a token
 * of the character index (searchTokens.ts); both answer exactly what a substring scan would.
 * Materials still waiting for the index are scanned (searchIndex.ts). An empty query lists what
 * the filters keep.
 */
export function searchMaterials(db: Db, args: SearchArgs): SearchResult {
  // One snapshot: another process's index batch must not land between the index and the scan.
  return db.transaction(() => searchInSnapshot(db, args)).deferred();
}

function searchInSnapshot(db: Db, args: SearchArgs): SearchResult {
  const q = args.query.trim();
  const { where, params } = filterConditions(args.filters);
  where.unshift('m.dossier_id = @dossierId', 'm.trashed_at IS NULL');
  Object.assign(params, { dossierId: args.dossierId });
  let ids: number[];
  let total: number;
  if (!q) {
    const kept = where.join(' AND ');
    ids = db.prepare(`SELECT m.id FROM material m WHERE ${kept} ORDER BY m.id LIMIT @limit`).pluck().all({ ...params, limit: args.limit }) as number[];
    total = countUpToCap(db, `SELECT m.id FROM material m WHERE ${kept}`, params);
  } else {
    const facets = facetMatch(db, args.dossierId, args.filters);
    if (facets === null) return { total: 0, totalCapped: false, truncated: false, hits: [] };
    const pending = hasPendingIndex(db);
    const indexed = fromIndex(db, q, {
      where: pending ? [...where, 'NOT EXISTS (SELECT 1 FROM search_pending s WHERE s.material_id = m.id)'] : where,
      params,
      limit: args.limit,
      facets: facets.match,
      // The facets answer every filter but odd dates; waiting materials are left out by their rows.
      countByIndexAlone: !pending && !(facets.dated && hasOddDates(db, args.dossierId)),
    });
    const found = pending ? merge(indexed, fromPending(db, q, where, params, args.limit), args.limit) : indexed;
    ids = [...found.titleIds, ...found.restIds];
    total = found.total;
  }
  const materials = listMaterialsByIds(db, ids);
  const snippets = snippetsFor(db, materials, q);
  return {
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    truncated: total > ids.length,
    hits: materials.map((material) => ({
      material,
      ...(snippets.get(material.id) ?? { snippet: '', snippetSource: '' as const }),
    })),
  };
}

const countUpToCap = (db: Db, sql: string, params: Record<string, unknown>) =>
  db.prepare(`SELECT count(*) FROM (${sql} LIMIT ${COUNT_CAP + 1})`).pluck().get(params) as number;

interface IndexQuery {
  where: string[];
  params: Record<string, unknown>;
  limit: number;
  /** The filters as index tokens (searchFacets.ts); `where` checks them again on listed rows. */
  facets: string;
  countByIndexAlone: boolean;
}

/**
 * Through the index: title matches from the titles' own table (a word in many texts but few
 * titles would otherwise be looked for in every text), then the first other matches, then the
 * count.
 */
function fromIndex(db: Db, q: string, { where, params, limit, facets, countByIndexAlone }: IndexQuery): Found {
  const chars = searchChars(q);
  const table = chars.length === 1 ? 'search_char' : 'search_bigram';
  const kept = where.join(' AND ');
  const page = (from: string, match: string, n: number) =>
    db
      .prepare(`SELECT m.id FROM ${from} f JOIN material m ON m.id = f.rowid WHERE ${from} MATCH @match AND ${kept} ORDER BY f.rowid LIMIT @n`)
      .pluck()
      .all({ ...params, match, n }) as number[];
  const titleIds = page('search_title', `(${matchPhrase(chars, chars.length === 1 ? 'chars' : 'bigrams')}) AND ${facets}`, limit);
  const anywhere = `(${matchPhrase(chars, 'title meta body')}) AND ${facets}`;
  // Of the first `limit` matches at most titleIds.length are title matches: enough remain.
  const inTitle = new Set(titleIds);
  const restIds = page(table, anywhere, limit)
    .filter((id) => !inTitle.has(id))
    .slice(0, limit - titleIds.length);
  const total = countByIndexAlone
    ? countUpToCap(db, `SELECT rowid FROM ${table} WHERE ${table} MATCH @match`, { match: anywhere })
    : countUpToCap(db, `SELECT m.id FROM ${table} f JOIN material m ON m.id = f.rowid WHERE ${table} MATCH @match AND ${kept}`, { ...params, match: anywhere });
  return { titleIds, restIds, total };
}

/** Materials not yet indexed, by a scan of their text (ASCII letters ignore case, as the index). */
function fromPending(db: Db, q: string, where: string[], params: Record<string, unknown>, limit: number): Found {
  const inTitle = 'instr(lower(m.title), @q) > 0';
  const matching = `SELECT m.id FROM search_pending s JOIN material m ON m.id = s.material_id LEFT JOIN blob b ON b.sha256 = m.sha256
    WHERE ${where.join(' AND ')} AND (${inTitle} OR instr(lower(coalesce(${MATERIAL_META_SQL}, '')), @q)
      OR instr(lower(coalesce(b.body_text, '')), @q))`;
  const p = { ...params, q: lowerAscii(q), n: limit };
  const ids = (sql: string) => db.prepare(sql).pluck().all(p) as number[];
  return {
    titleIds: ids(`${matching} AND ${inTitle} ORDER BY m.id LIMIT @n`),
    restIds: ids(`${matching} AND NOT ${inTitle} ORDER BY m.id LIMIT @n`),
    total: countUpToCap(db, matching, p),
  };
}

function merge(a: Found, b: Found, limit: number): Found {
  const inOrder = (x: number[], y: number[], n: number) => [...x, ...y].sort((p, q) => p - q).slice(0, Math.max(0, n));
  const titleIds = inOrder(a.titleIds, b.titleIds, limit);
  return { titleIds, restIds: inOrder(a.restIds, b.restIds, limit - titleIds.length), total: a.total + b.total };
}
