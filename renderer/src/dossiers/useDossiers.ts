import { useCallback } from 'react';
import type { Dossier } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

export function useDossiers() {
  const { api } = usePlatform();
  const load = useCallback((): Promise<Dossier[]> => api['dossiers.list']({}), [api]);
  return useQuery('dossiers', load, '读取档案列表失败');
}
