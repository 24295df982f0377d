import { useMemo } from 'react';
import { dossiersQuery } from '../api/queries';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

export function useDossiers() {
  const { api } = usePlatform();
  const query = useMemo(() => dossiersQuery(api), [api]);
  return useQuery(query.key, query.load, '读取档案列表失败');
}
