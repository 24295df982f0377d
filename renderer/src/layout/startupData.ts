import type { ApiClient } from '../../../shared/api';
import { prime } from '../common/primedQueries';
import { coverageQuery, defaultOrder, dossiersQuery, indicatorsQuery, materialIndexQuery } from '../api/queries';
import { pickCurrentDossier, rememberedDossierId } from '../dossiers/currentDossier';
import { readViewHash } from './viewHash';

/**
 * Load what the main screen opens with while the page is still starting: the dossiers, then
 * at once and side by side the current dossier's indicators, coverage and (when it opens on
 * 全部材料) its material list. Settles, never rejects, when all of it has arrived or failed;
 * a failure is the screen's to show, through its own query.
 */
export async function preloadStartup(api: ApiClient): Promise<void> {
  const dossiers = dossiersQuery(api);
  const listed = await prime(dossiers.key, dossiers.load);
  const current = listed.ok ? pickCurrentDossier(listed.value, rememberedDossierId()) : undefined;
  if (!current) return;
  const queries: { key: string; load: () => Promise<unknown> }[] = [coverageQuery(api, current.id)];
  if (current.systemId !== null) queries.push(indicatorsQuery(api, current.systemId));
  const view = readViewHash();
  const restored = view.dossierId === current.id ? view : null;
  // The screen's own first choice (MainScreen): no indicator, no search, the material view.
  if (!restored || (restored.indicatorId === null && !restored.query && restored.view === 'materials')) {
    queries.push(materialIndexQuery(api, current.id, null, false, defaultOrder));
  }
  await Promise.all(queries.map((q) => prime(q.key, q.load)));
}
