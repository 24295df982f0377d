import { useCallback } from 'react';
import type { IndicatorSystem, TemplateInfo } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

export interface SystemSources {
  templates: TemplateInfo[];
  systems: IndicatorSystem[];
}

/** The bundled samples and the systems already imported into this archive. */
export function useSystemSources() {
  const { api } = usePlatform();
  const load = useCallback(async (): Promise<SystemSources> => {
    const [templates, systems] = await Promise.all([api['systems.templates']({}), api['systems.list']({})]);
    return { templates, systems };
  }, [api]);
  return useQuery('system-sources', load, '读取测评体系失败');
}
