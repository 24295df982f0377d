import { useCallback } from 'react';
import type { Material } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/**
 * Materials of a dossier: all of them (`indicatorId === null`), those filed under one leaf, or,
 * for a category (`subtree` given), those filed under it or anywhere below it.
 */
export function useMaterials(
  dossierId: number,
  indicatorId: number | null,
  subtree: Set<number> | null,
  refreshKey: number,
) {
  const { api } = usePlatform();
  const load = useCallback(async (): Promise<Material[]> => {
    if (indicatorId === null) return api['materials.list']({ dossierId });
    if (!subtree) return api['materials.list']({ dossierId, indicatorId });
    const all = await api['materials.list']({ dossierId });
    return all.filter((m) => m.indicatorIds.some((id) => subtree.has(id)));
    // refreshKey: a new load after materials were added.
  }, [api, dossierId, indicatorId, subtree, refreshKey]);
  return useQuery(`materials:${dossierId}:${indicatorId ?? 'all'}`, load, '读取材料失败');
}
