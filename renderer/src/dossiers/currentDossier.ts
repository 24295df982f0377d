// Which dossier the main screen opens; no React, so that start-up can ask before it is loaded.
import type { Dossier } from '../../../shared/domain';

export const CURRENT_DOSSIER_KEY = 'dossier-current-id';

/** The dossier named by a reloaded view's URL (see layout/viewHash), else the one last worked on. */
export function rememberedDossierId(): number | null {
  const fromUrl = Number(new URLSearchParams(window.location.hash.replace(/^#/, '')).get('d'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const stored = Number(localStorage.getItem(CURRENT_DOSSIER_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : null;
}

/** The dossier the main screen opens: the remembered one while it exists, else the newest. */
export function pickCurrentDossier(list: Dossier[], id: number | null): Dossier | undefined {
  return list.find((d) => d.id === id) ?? list[list.length - 1];
}
