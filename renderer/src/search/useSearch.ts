import { useCallback } from 'react';
import type { Material } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** Materials of the dossier matching `query` (titles, metadata and extracted text). */
export function useSearch(dossierId: number, query: string, refreshKey: number) {
  const { api } = usePlatform();
  const q = query.trim();
  const load = useCallback(
    (): Promise<Material[]> => api['materials.search']({ dossierId, query: q }),
    // refreshKey: search again after materials were added.
    [api, dossierId, q, refreshKey],
  );
  return useQuery(`search:${dossierId}:${q}`, q ? load : null, '搜索失败');
}
