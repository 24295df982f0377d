import { useCallback, useState } from 'react';
import { CURRENT_DOSSIER_KEY as KEY, rememberedDossierId } from './currentDossier';

/** The dossier the clerk last worked on, remembered across reloads of the window. */
export function useCurrentDossierId(): [number | null, (id: number | null) => void] {
  const [id, setId] = useState<number | null>(rememberedDossierId);
  const set = useCallback((next: number | null) => {
    if (next === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(next));
    setId(next);
  }, []);
  return [id, set];
}
