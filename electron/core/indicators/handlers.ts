import path from 'node:path';
import type { HandlersOf } from '../../../shared/api';
import type { indicatorApi } from '../../../shared/api/indicators';
import type { CoreContext } from '../context';
import { computeCoverage } from '../coverage/coverage';
import { createUnit, deleteUnit, listUnits, updateUnit } from '../units/repo';
import { createIndicator, deleteIndicator, moveIndicator, updateIndicator } from './edit/edit';
import { parseIndicatorFile, readIndicatorTables } from './import';
import { previewTables } from './import/preview';
import { listIndicators, listSystems, saveSystem } from './repo';
import { listTemplates, templatePath } from './templates';

export function indicatorHandlers(ctx: CoreContext): HandlersOf<typeof indicatorApi> {
  const { db } = ctx.archive;
  return {
    'systems.list': async () => listSystems(db),
    'systems.templates': async () => listTemplates(ctx.resourcesDir),
    'systems.importTemplate': async ({ templateId }) => {
      const file = templatePath(ctx.resourcesDir, templateId);
      return saveSystem(db, await parseIndicatorFile(file), path.basename(file));
    },
    'systems.preview': async ({ path: file, ...choices }) =>
      previewTables(await readIndicatorTables(file), choices, new Set(listUnits(db).map((u) => u.name))),
    // A file's 负责部门 column fills the register; the bundled samples leave it alone.
    'systems.importFile': async ({ path: file, name, ...choices }) => {
      const parsed = await parseIndicatorFile(file, choices);
      return saveSystem(db, name ? { ...parsed, name } : parsed, path.basename(file), { registerUnits: true });
    },
    'indicators.list': async ({ systemId }) => listIndicators(db, systemId),
    'indicators.create': async ({ systemId, parentId, index, fields }) => createIndicator(db, { systemId, parentId, index, fields }),
    'indicators.update': async ({ indicatorId, fields }) => updateIndicator(db, indicatorId, fields),
    'indicators.move': async ({ indicatorId, parentId, index }) => moveIndicator(db, indicatorId, parentId, index),
    'indicators.delete': async ({ indicatorId, moveMaterialsTo }) => deleteIndicator(db, indicatorId, moveMaterialsTo),
    'units.list': async () => listUnits(db),
    'units.create': async (fields) => createUnit(db, fields),
    'units.update': async ({ unitId, fields }) => updateUnit(db, unitId, fields),
    'units.delete': async ({ unitId }) => deleteUnit(db, unitId),
    'coverage.get': async ({ dossierId }) => computeCoverage(db, dossierId),
  };
}
