// The implementation of the API contract: one function per method in shared/api. Transports
// validate arguments with the same schemas before calling in (see `callHandler`).
import { parseArgs, type ApiMethod, type ApiResult, type Handlers } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import type { CoreContext } from './context';
import { computeCoverage } from './coverage/coverage';
import { createDossier, getDossier, listDossiers, setDossierSystem } from './dossiers/repo';
import { parseIndicatorFile } from './indicators/import';
import { listIndicators, listSystems, saveSystem } from './indicators/repo';
import { listTemplates, templatePath } from './indicators/templates';
import { addMaterials } from './materials/add';
import { linkMaterial, unlinkMaterial } from './materials/links';
import { listMaterials } from './materials/repo';
import { defaultOutDir, exportPacket } from './packets/exportPacket';
import { verifyArchive } from './integrity/verify';
import { searchMaterials } from './search/search';
import path from 'node:path';

const version = '0.1.0';

export function createHandlers(ctx: CoreContext): Handlers {
  const { db } = ctx.archive;
  const importSystem = async (file: string, name?: string) => {
    const parsed = await parseIndicatorFile(file);
    return saveSystem(db, name ? { ...parsed, name } : parsed, path.basename(file));
  };
  return {
    'app.info': async () => ({ archivePath: ctx.archive.root, version, transport: ctx.transport }),

    'dossiers.list': async () => listDossiers(db),
    'dossiers.create': async (args) => createDossier(db, args),
    'dossiers.setSystem': async ({ dossierId, systemId }) => setDossierSystem(db, dossierId, systemId),

    'systems.list': async () => listSystems(db),
    'systems.templates': async () => listTemplates(ctx.resourcesDir),
    'systems.importTemplate': async ({ templateId }) => importSystem(templatePath(ctx.resourcesDir, templateId)),
    'systems.importFile': async ({ path: file, name }) => importSystem(file, name),
    'indicators.list': async ({ systemId }) => listIndicators(db, systemId),

    'materials.add': async (args) => addMaterials(ctx.archive, args),
    'materials.list': async ({ dossierId, indicatorId }) => {
      getDossier(db, dossierId);
      return listMaterials(db, dossierId, indicatorId);
    },
    'materials.search': async ({ dossierId, query }) => searchMaterials(db, dossierId, query),
    'materials.link': async ({ materialId, indicatorId }) => linkMaterial(db, materialId, indicatorId),
    'materials.unlink': async ({ materialId, indicatorId }) => unlinkMaterial(db, materialId, indicatorId),

    'coverage.get': async ({ dossierId }) => computeCoverage(db, dossierId),

    'packets.export': async (options) => {
      getDossier(db, options.dossierId);
      const job = ctx.jobs.start('export', async (control) =>
        exportPacket({ archive: ctx.archive, renderer: await ctx.renderer(), ...control }, options),
      );
      return { jobId: job.id };
    },
    'packets.defaultOutDir': async ({ dossierId }) => defaultOutDir(ctx.archive, getDossier(db, dossierId)),
    'jobs.get': async ({ jobId }) => ctx.jobs.get(jobId),
    'jobs.cancel': async ({ jobId }) => ctx.jobs.cancel(jobId),

    'integrity.verify': async () => verifyArchive(ctx.archive),
  };
}

/**
 * The single entry every transport uses: check the method exists, validate the raw arguments
 * with the shared schema, call the handler.
 */
export async function callHandler(handlers: Handlers, method: string, rawArgs: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(handlers, method)) {
    throw new ApiError('unknown_method', `未知的操作：${method}`);
  }
  const name = method as ApiMethod;
  const args = parseArgs(name, rawArgs);
  const handler = handlers[name] as (a: typeof args) => Promise<ApiResult<typeof name>>;
  return handler(args);
}
