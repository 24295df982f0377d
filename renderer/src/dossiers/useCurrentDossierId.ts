import { useCallback, useState } from 'react';

const KEY = 'dossier-current-id';

/** The dossier the clerk last worked on, remembered across reloads of the window. */
export function useCurrentDossierId(): [number | null, (id: number | null) => void] {
  const [id, setId] = useState<number | null>(() => {
    // A reloaded view names its dossier in the URL (see layout/viewHash).
    const fromUrl = Number(new URLSearchParams(window.location.hash.replace(/^#/, '')).get('d'));
    if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
    const stored = Number(localStorage.getItem(KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : null;
  });
  const set = useCallback((next: number | null) => {
    if (next === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(next));
    setId(next);
  }, []);
  return [id, set];
}
