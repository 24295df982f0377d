import { useCallback } from 'react';
import type { SearchFilters, SearchResult } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** Whether any filter narrows the search. */
export const hasFilters = (filters: SearchFilters): boolean =>
  Object.values(filters).some((v) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0));

/** The first `limit` materials of the dossier matching `query` (titles, metadata and extracted text) and the filters. */
export function useSearch(dossierId: number, query: string, filters: SearchFilters, limit: number, refreshKey: number) {
  const { api } = usePlatform();
  const q = query.trim();
  const key = JSON.stringify(filters);
  const active = q.length > 0 || hasFilters(filters);
  const load = useCallback(
    (): Promise<SearchResult> => api['materials.search']({ dossierId, query: q, filters: JSON.parse(key) as SearchFilters, limit }),
    // refreshKey: search again after materials were added or changed.
    [api, dossierId, q, key, limit, refreshKey],
  );
  return useQuery(`search:${dossierId}:${q}:${key}:${limit}`, active ? load : null, '搜索失败');
}
