import { useCallback } from 'react';
import type { ResponsibleUnit } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** The 责任单位 register; `enabled = false` loads nothing yet (a list not opened at start). */
export function useUnits(enabled = true) {
  const { api } = usePlatform();
  const load = useCallback((): Promise<ResponsibleUnit[]> => api['units.list']({}), [api]);
  return useQuery('units', enabled ? load : null, '读取责任单位失败');
}
