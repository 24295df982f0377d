import { useCallback } from 'react';
import type { Indicator } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

export function useIndicators(systemId: number | null) {
  const { api } = usePlatform();
  const load = useCallback(
    (): Promise<Indicator[]> => api['indicators.list']({ systemId: systemId! }),
    [api, systemId],
  );
  return useQuery(`indicators:${systemId}`, systemId === null ? null : load, '读取测评体系失败');
}
