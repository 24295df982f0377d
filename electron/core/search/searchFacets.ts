import type { SearchFilters } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { dateFacetTokens, dateRangeTokens, ODD_DATE_TOKEN } from './searchDates';

/**
 * A material's filterable fields as index tokens (the `facets` column), so that a filtered
 * search is answered by the index alone instead of by looking at every match's row:
 * `d<dossier>` while not in the 回收站, `k<kind>`, its date's century to day (searchDates.ts),
 * `il<id>` per indicator it is filed under, `ia<id>` for those and every indicator above them,
 * `unfiled` when it is filed nowhere. Tokens are letters and digits only (the `ascii` tokenizer
 * splits on anything else).
 */
export interface FacetSource {
  dossierId: number;
  kind: string;
  date: string;
  trashed: boolean;
  indicatorIds: number[];
}

const kindToken = (kind: string) => `k${kind.replace(/[^a-z0-9]/gi, '')}`;

export function facetTokens(m: FacetSource, parentOf: Map<number, number | null>): string {
  const tokens = [m.trashed ? 'trashed' : `d${m.dossierId}`, kindToken(m.kind), ...dateFacetTokens(m.date)];
  if (m.indicatorIds.length === 0) tokens.push('unfiled');
  const above = new Set<number>();
  for (const id of m.indicatorIds) {
    tokens.push(`il${id}`);
    for (let at: number | null | undefined = id; at != null && !above.has(at); at = parentOf.get(at)) above.add(at);
  }
  for (const id of above) tokens.push(`ia${id}`);
  return tokens.join(' ');
}

const anyOf = (tokens: string[]) => `(${tokens.join(' OR ')})`;

export interface FacetMatch {
  /** The filters as an FTS5 expression over `facets`. */
  match: string;
  /** Dates that are not real (`tother`) are candidates too: only their rows can tell. */
  dated: boolean;
}

/** The filters as index tokens, or null when nothing can match (a unit no indicator names). */
export function facetMatch(db: Db, dossierId: number, filters: SearchFilters): FacetMatch | null {
  const parts = [`d${dossierId}`];
  if (filters.kinds?.length) parts.push(anyOf(filters.kinds.map(kindToken)));
  if (filters.indicatorId !== undefined) parts.push(`ia${filters.indicatorId}`);
  if (filters.responsibleUnit) {
    const ids = db
      .prepare('SELECT id FROM indicator WHERE names_unit(responsible_unit, ?)')
      .pluck()
      .all(filters.responsibleUnit) as number[];
    if (ids.length === 0) return null;
    parts.push(anyOf(ids.map((id) => `il${id}`)));
  }
  const dated = Boolean(filters.dateFrom || filters.dateTo);
  if (dated) parts.push(anyOf([...dateRangeTokens(filters.dateFrom, filters.dateTo), ODD_DATE_TOKEN]));
  if (filters.unlinked) parts.push('unfiled');
  return { match: `{facets} : (${parts.join(' AND ')})`, dated };
}

/** Whether any live material of the dossier has a date that is not a real one. */
export function hasOddDates(db: Db, dossierId: number): boolean {
  return db.prepare('SELECT 1 FROM search_char WHERE search_char MATCH ? LIMIT 1').get(`{facets} : (d${dossierId} AND ${ODD_DATE_TOKEN})`) !== undefined;
}
