import path from 'node:path';
import type { HandlersOf } from '../../../shared/api';
import type { indicatorApi } from '../../../shared/api/indicators';
import type { CoreContext } from '../context';
import { computeCoverage } from '../coverage/coverage';
import { parseIndicatorFile } from './import';
import { listIndicators, listSystems, saveSystem } from './repo';
import { listTemplates, templatePath } from './templates';

export function indicatorHandlers(ctx: CoreContext): HandlersOf<typeof indicatorApi> {
  const { db } = ctx.archive;
  const importSystem = async (file: string, name?: string) => {
    const parsed = await parseIndicatorFile(file);
    return saveSystem(db, name ? { ...parsed, name } : parsed, path.basename(file));
  };
  return {
    'systems.list': async () => listSystems(db),
    'systems.templates': async () => listTemplates(ctx.resourcesDir),
    'systems.importTemplate': async ({ templateId }) => importSystem(templatePath(ctx.resourcesDir, templateId)),
    'systems.importFile': async ({ path: file, name }) => importSystem(file, name),
    'indicators.list': async ({ systemId }) => listIndicators(db, systemId),
    'coverage.get': async ({ dossierId }) => computeCoverage(db, dossierId),
  };
}
