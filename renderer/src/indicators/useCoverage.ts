import { useCallback, useMemo } from 'react';
import type { CoverageRow } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** Per-indicator coverage of one dossier, by indicator id. */
export function useCoverage(dossierId: number) {
  const { api } = usePlatform();
  const load = useCallback((): Promise<CoverageRow[]> => api['coverage.get']({ dossierId }), [api, dossierId]);
  const query = useQuery(`coverage:${dossierId}`, load, '读取覆盖情况失败');
  const byId = useMemo(() => new Map((query.data ?? []).map((row) => [row.indicatorId, row])), [query.data]);
  return { ...query, byId };
}
