import { useMemo } from 'react';
import { coverageQuery } from '../api/queries';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** Per-indicator coverage of one dossier, by indicator id. */
export function useCoverage(dossierId: number) {
  const { api } = usePlatform();
  const { key, load } = useMemo(() => coverageQuery(api, dossierId), [api, dossierId]);
  const query = useQuery(key, load, '读取覆盖情况失败');
  const byId = useMemo(() => new Map((query.data ?? []).map((row) => [row.indicatorId, row])), [query.data]);
  return { ...query, byId };
}
