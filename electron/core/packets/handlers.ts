import type { HandlersOf } from '../../../shared/api';
import type { packetApi } from '../../../shared/api/packets';
import type { CoreContext } from '../context';
import { getDossier } from '../dossiers/repo';
import { createPacket, deletePacket, getPacket, listPackets, updatePacket } from './definitions/repo';
import { ApiError } from '../../../shared/errors';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { leftOutSummary } from './leftOut';
import { defaultOutDir, exportPacket, materialsNeedingRenderer, planExport, type PacketOptions } from './exportPacket';

/**
 * The started renderer when this export needs one. Where none can start, the export is refused
 * with the reason and what to install, unless the clerk chose placeholder pages for them.
 */
async function rendererFor(ctx: CoreContext, options: PacketOptions): Promise<HtmlRenderer | null> {
  const needed = materialsNeedingRenderer(planExport(ctx.archive, options), options);
  if (needed === 0) return null;
  const state = await ctx.renderer();
  if (state.problem !== null && !options.allowPlaceholders) {
    throw new ApiError('renderer_unavailable', `${state.problem}本次导出中有 ${needed} 份材料需要转换；也可以选择以说明页代替它们继续导出。`);
  }
  return state.renderer;
}

export function packetHandlers(ctx: CoreContext): HandlersOf<typeof packetApi> {
  const { db } = ctx.archive;
  return {
    'packets.list': async ({ dossierId }) => listPackets(db, dossierId),
    'packets.create': async ({ dossierId, name, definition }) => createPacket(db, dossierId, name, definition),
    'packets.update': async ({ packetId, name, definition }) => updatePacket(db, packetId, { name, definition }),
    'packets.delete': async ({ packetId }) => {
      deletePacket(db, packetId);
      return { deleted: true };
    },
    'packets.preflight': async (options) => {
      const plan = planExport(ctx.archive, options);
      const needsRenderer = materialsNeedingRenderer(plan, options);
      const rendererProblem = needsRenderer ? (await ctx.renderer()).problem : null;
      return { needsRenderer, rendererProblem, leftOut: leftOutSummary(ctx.archive, plan, options, rendererProblem) };
    },
    'packets.export': async (options) => {
      // Fail fast on a wrong id, and on a missing PDF converter, before a job exists.
      if (options.packetId !== undefined) getPacket(db, options.packetId);
      else getDossier(db, options.dossierId!);
      const renderer = await rendererFor(ctx, options);
      const job = ctx.jobs.start('export', async (control) => exportPacket({ archive: ctx.archive, renderer, ...control }, options));
      return { jobId: job.id };
    },
    'packets.defaultOutDir': async ({ dossierId }) => defaultOutDir(ctx.archive, getDossier(db, dossierId)),
    'jobs.get': async ({ jobId }) => ctx.jobs.get(jobId),
    'jobs.cancel': async ({ jobId }) => ctx.jobs.cancel(jobId),
  };
}
