/**
 * The current view in the URL's hash (#d=1&i=5&q=献血&v=selfeval&m=12), so that a reload (F5 in
 * browser mode, Ctrl+R in Electron, which loads a file: URL where only the hash is free) opens
 * the same view. Written with replaceState: the back button is not filled with every click.
 */
export interface ViewHash {
  dossierId: number | null;
  indicatorId: number | null;
  query: string;
  view: 'materials' | 'selfeval';
  materialId: number | null;
}

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
  };
}

export function formatViewHash(v: ViewHash): string {
  const p = new URLSearchParams();
  if (v.dossierId !== null) p.set('d', String(v.dossierId));
  if (v.indicatorId !== null) p.set('i', String(v.indicatorId));
  if (v.query) p.set('q', v.query);
  if (v.view !== 'materials') p.set('v', v.view);
  if (v.materialId !== null) p.set('m', String(v.materialId));
  return `#${p.toString()}`;
}

export const readViewHash = (): ViewHash => parseViewHash(window.location.hash);

export function writeViewHash(v: ViewHash): void {
  const hash = formatViewHash(v);
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash === '#' ? window.location.pathname + window.location.search : hash);
}
