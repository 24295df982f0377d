import { materialKindLabels, type MaterialKind, type SearchFilters } from '../../../shared/domain';

/**
 * The current view in the URL's hash (#d=1&i=5&q=献血&k=photo&fu=团委&v=selfeval&m=12), so that a reload (F5 in
 * browser mode, Ctrl+R in Electron, which loads a file: URL where only the hash is free) opens
 * the same view. Written with replaceState: the back button is not filled with every click.
 */
export interface ViewHash {
  dossierId: number | null;
  indicatorId: number | null;
  query: string;
  view: 'materials' | 'selfeval';
  materialId: number | null;
  /** The search's filters (kept while a search is shown). */
  filters: SearchFilters;
}

const DIGITS8 = /^\d{8}$/;
const isKind = (k: string): k is MaterialKind => Object.hasOwn(materialKindLabels, k);

const id = (v: string | null) => {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n > 0 ? n : null;
};

export function parseViewHash(hash: string): ViewHash {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    dossierId: id(p.get('d')),
    indicatorId: id(p.get('i')),
    query: (p.get('q') ?? '').slice(0, 200),
    view: p.get('v') === 'selfeval' ? 'selfeval' : 'materials',
    materialId: id(p.get('m')),
    filters: parseFilters(p),
  };
}

/** Only what a filter can hold: a hand-edited or stale URL falls back to no filter, never to an error. */
function parseFilters(p: URLSearchParams): SearchFilters {
  const f: SearchFilters = {};
  const kinds = (p.get('k') ?? '').split(',').filter(isKind);
  if (kinds.length) f.kinds = kinds;
  const indicatorId = id(p.get('fi'));
  if (indicatorId !== null) f.indicatorId = indicatorId;
  const unit = (p.get('fu') ?? '').slice(0, 100);
  if (unit) f.responsibleUnit = unit;
  const from = p.get('f1') ?? '';
  if (DIGITS8.test(from)) f.dateFrom = from;
  const to = p.get('f2') ?? '';
  if (DIGITS8.test(to)) f.dateTo = to;
  if (p.get('fn') === '1') {
    f.unlinked = true;
    delete f.indicatorId;
  }
  return f;
}

function putFilters(p: URLSearchParams, f: SearchFilters): void {
  if (f.kinds?.length) p.set('k', f.kinds.join(','));
  if (f.indicatorId !== undefined) p.set('fi', String(f.indicatorId));
  if (f.responsibleUnit) p.set('fu', f.responsibleUnit);
  if (f.dateFrom) p.set('f1', f.dateFrom);
  if (f.dateTo) p.set('f2', f.dateTo);
  if (f.unlinked) p.set('fn', '1');
}

export function formatViewHash(v: ViewHash): string {
  const p = new URLSearchParams();
  if (v.dossierId !== null) p.set('d', String(v.dossierId));
  if (v.indicatorId !== null) p.set('i', String(v.indicatorId));
  if (v.query) p.set('q', v.query);
  if (v.view !== 'materials') p.set('v', v.view);
  if (v.materialId !== null) p.set('m', String(v.materialId));
  if (v.query) putFilters(p, v.filters);
  return `#${p.toString()}`;
}

export const readViewHash = (): ViewHash => parseViewHash(window.location.hash);

export function writeViewHash(v: ViewHash): void {
  const hash = formatViewHash(v);
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash === '#' ? window.location.pathname + window.location.search : hash);
}
