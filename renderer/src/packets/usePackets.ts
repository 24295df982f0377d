import { useCallback } from 'react';
import type { Packet } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** The dossier's saved 迎检资料方案. */
export function usePackets(dossierId: number) {
  const { api } = usePlatform();
  const load = useCallback((): Promise<Packet[]> => api['packets.list']({ dossierId }), [api, dossierId]);
  return useQuery(`packets:${dossierId}`, load, '读取迎检资料方案失败');
}
