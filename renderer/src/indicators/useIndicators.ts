import { useMemo } from 'react';
import { indicatorsQuery } from '../api/queries';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

export function useIndicators(systemId: number | null) {
  const { api } = usePlatform();
  const query = useMemo(() => (systemId === null ? null : indicatorsQuery(api, systemId)), [api, systemId]);
  return useQuery(query?.key ?? 'indicators:none', query?.load ?? null, '读取测评体系失败');
}
