import { useCallback } from 'react';
import type { ResponsibleUnit } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

export function useUnits() {
  const { api } = usePlatform();
  const load = useCallback((): Promise<ResponsibleUnit[]> => api['units.list']({}), [api]);
  return useQuery('units', load, '读取责任单位失败');
}
