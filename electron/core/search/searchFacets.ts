import type { SearchFilters } from '../../../shared/domain';
import type { Db } from '../archive/database';

/**
 * A material's filterable fields as index tokens (the `facets` column), so that a filtered
 * search is answered by the index alone instead of by looking at every match's row:
 * `d<dossier>` while not in the 回收站, `k<kind>`, `y<year>`, `m<year><month>` and `t<date>` of its date,
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

export function facetTokens(m: FacetSource, parentOf: Map<number, number | null>): string {
  const tokens = [m.trashed ? 'trashed' : `d${m.dossierId}`, `k${m.kind.replace(/[^a-z0-9]/gi, '')}`];
  if (/^\d{8}$/.test(m.date)) tokens.push(`y${m.date.slice(0, 4)}`, `m${m.date.slice(0, 6)}`, `t${m.date}`);
  if (m.indicatorIds.length === 0) tokens.push('unfiled');
  const above = new Set<number>();
  for (const id of m.indicatorIds) {
    tokens.push(`il${id}`);
    for (let at: number | null | undefined = id; at != null && !above.has(at); at = parentOf.get(at)) above.add(at);
  }
  for (const id of above) tokens.push(`ia${id}`);
  return tokens.join(' ');
}

/**
 * The days, months and whole years from one 8-digit date to another, as facet tokens: whole
 * years as `y`, whole months as `m`, the days of a month cut by either end as `t`.
 */
function dateTokens(from: string | undefined, to: string | undefined): string[] {
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(4, 6)) - 1;
  const first = from ? month(from) : 1900 * 12;
  const last = to ? month(to) : 2200 * 12 + 11;
  const firstDay = from ? Number(from.slice(6, 8)) : 1;
  const lastDay = to ? Number(to.slice(6, 8)) : 31;
  const tokens: string[] = [];
  for (let at = first; at <= last; ) {
    const year = Math.floor(at / 12);
    const name = `${year}${String((at % 12) + 1).padStart(2, '0')}`;
    const fromDay = at === first ? firstDay : 1;
    const toDay = at === last ? lastDay : 31;
    const days = new Date(Date.UTC(year, (at % 12) + 1, 0)).getUTCDate();
    if (fromDay > 1 || toDay < days) {
      for (let day = fromDay; day <= toDay; day += 1) tokens.push(`t${name}${String(day).padStart(2, '0')}`);
      at += 1;
    } else if (at % 12 === 0 && (at + 11 < last || (at + 11 === last && lastDay >= 31))) {
      tokens.push(`y${year}`);
      at += 12;
    } else {
      tokens.push(`m${name}`);
      at += 1;
    }
  }
  return tokens;
}

const anyOf = (tokens: string[]) => `(${tokens.join(' OR ')})`;

/**
 * The filters as an FTS5 expression over `facets`, or null when nothing can match (a unit no
 * indicator names, a range that ends before it starts).
 */
export function facetMatch(db: Db, dossierId: number, filters: SearchFilters): string | null {
  const parts = [`d${dossierId}`];
  if (filters.kinds?.length) parts.push(anyOf(filters.kinds.map((k) => `k${k.replace(/[^a-z0-9]/gi, '')}`)));
  if (filters.indicatorId !== undefined) parts.push(`ia${filters.indicatorId}`);
  if (filters.responsibleUnit) {
    const ids = db
      .prepare('SELECT id FROM indicator WHERE names_unit(responsible_unit, ?)')
      .pluck()
      .all(filters.responsibleUnit) as number[];
    if (ids.length === 0) return null;
    parts.push(anyOf(ids.map((id) => `il${id}`)));
  }
  if (filters.dateFrom || filters.dateTo) {
    // Years 1900–2200 at most: some 300 tokens for an open range.
    const tokens = dateTokens(filters.dateFrom, filters.dateTo);
    if (tokens.length === 0) return null;
    parts.push(anyOf(tokens));
  }
  if (filters.unlinked) parts.push('unfiled');
  return `{facets} : (${parts.join(' AND ')})`;
}
