import { compareTitles, type Material, type MaterialIndex, type MaterialKind, type MaterialSortKey } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { getDossier } from '../dossiers/repo';
import { filterConditions } from '../search/filters';
import { listMaterialsByIds } from './repo';

/** Rows sent with the order: more than a screenful of the virtual table. */
const HEAD_ROWS = 40;

export interface IndexArgs {
  dossierId: number;
  indicatorId?: number;
  includeBelow: boolean;
  kinds: MaterialKind[];
  sort: MaterialSortKey;
  descending: boolean;
}

interface IndexRow {
  id: number;
  kind: MaterialKind;
  title: string;
  date: string;
}

// SQLite has no pinyin collation: 题名 order is worked out here.
const comparators: Record<Exclude<MaterialSortKey, 'filing'>, (a: IndexRow, b: IndexRow) => number> = {
  title: (a, b) => compareTitles(a.title, b.title),
  date: (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
};

/** Within one day (or among the undated) a clerk reads 题名 in pinyin, newest day first or not. */
const tieBreaks: Record<Exclude<MaterialSortKey, 'filing'>, (a: IndexRow, b: IndexRow) => number> = {
  title: () => 0,
  date: comparators.title,
};

/**
 * The live materials of a scope in list order: all of the dossier, those filed under one
 * indicator (in their filing order there), or under a category and everything below it.
 * Sorting keeps filing order among equals; undated materials stay last either way, in 题名 order.
 */
function orderedRows(db: Db, args: IndexArgs): IndexRow[] {
  const below = args.indicatorId !== undefined && args.includeBelow;
  const { where, params } = filterConditions({ kinds: args.kinds, indicatorId: below ? args.indicatorId : undefined });
  where.unshift('m.dossier_id = @dossierId', 'm.trashed_at IS NULL');
  params.dossierId = args.dossierId;
  let from = 'material m';
  let order = 'm.id';
  if (args.indicatorId !== undefined && !below) {
    from += ' JOIN material_indicator l ON l.material_id = m.id';
    where.push('l.indicator_id = @leafId');
    params.leafId = args.indicatorId;
    order = 'l.position, m.id';
  }
  const rows = db
    .prepare(`SELECT m.id, m.kind, m.title, m.date FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order}`)
    .all(params) as IndexRow[];
  if (args.sort === 'filing') return args.descending ? rows.reverse() : rows;
  return sortRows(rows, args.sort, args.descending);
}

/** The list's order for the app: ids and kinds, and the first rows' records. */
export function materialIndex(db: Db, args: IndexArgs): MaterialIndex {
  getDossier(db, args.dossierId);
  const rows = orderedRows(db, args);
  const ids = rows.map((r) => r.id);
  return { ids, kinds: rows.map((r) => r.kind), head: listMaterialsByIds(db, ids.slice(0, HEAD_ROWS)) };
}

/** Every record of a dossier in filing order; with an indicator, those filed under it, in its order. */
export function listMaterials(db: Db, dossierId: number, indicatorId?: number): Material[] {
  const rows = orderedRows(db, { dossierId, indicatorId, includeBelow: false, kinds: [], sort: 'filing', descending: false });
  return listMaterialsByIds(db, rows.map((r) => r.id));
}

function sortRows(rows: IndexRow[], key: Exclude<MaterialSortKey, 'filing'>, descending: boolean): IndexRow[] {
  const sign = descending ? -1 : 1;
  const compare = (a: IndexRow, b: IndexRow) => sign * comparators[key](a, b) || tieBreaks[key](a, b);
  const [undated, rest] = key === 'date' ? partition(rows, (r) => r.date === '') : [[], rows];
  return [...rest.sort(compare), ...undated.sort(compare)];
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
