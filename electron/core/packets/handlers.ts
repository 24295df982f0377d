import type { HandlersOf } from '../../../shared/api';
import type { packetApi } from '../../../shared/api/packets';
import type { CoreContext } from '../context';
import { getDossier } from '../dossiers/repo';
import { createPacket, deletePacket, getPacket, listPackets, updatePacket } from './definitions/repo';
import { ApiError } from '../../../shared/errors';
import type { HtmlRenderer, RendererState } from '../render/htmlRenderer';
import { leftOutSummary } from './leftOut';
import { defaultOutDir, exportPacket, materialsNeedingRenderer, planExport, type PacketOptions } from './exportPacket';

/** The renderer a refusal waits for before the export job exists: time enough to find no browser, or a running one. */
const KNOWN_WITHIN_MS = 300;

/** The renderer, or the export refused with the reason and what to install (unless placeholders were chosen). */
function usableRenderer(state: RendererState, needed: number, options: PacketOptions): HtmlRenderer | null {
  if (state.problem !== null && !options.allowPlaceholders) {
    throw new ApiError('renderer_unavailable', `${state.problem}本次导出中有 ${needed} 份材料需要转换；也可以选择以说明页代替它们继续导出。`);
  }
  return state.renderer;
}

/** `promise`'s value if it settles within `ms`, else null (it goes on). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the export job. When materials need the browser, its start (seconds, the first time)
 * happens inside the job, so the clerk sees progress at once; an export it cannot serve is
 * still refused before a job exists whenever that is known quickly (no browser installed).
 */
async function startExport(ctx: CoreContext, options: PacketOptions): Promise<string> {
  const needed = materialsNeedingRenderer(planExport(ctx.archive, options), options);
  const starting = needed === 0 ? null : ctx.renderer();
  const known = starting && (await settledWithin(starting, KNOWN_WITHIN_MS));
  if (known) usableRenderer(known, needed, options);
  const job = ctx.jobs.start('export', async (control) => {
    let renderer: HtmlRenderer | null = null;
    if (starting) {
      control.report(0.001, '正在启动用于转换 PDF 的浏览器');
      renderer = usableRenderer(await starting, needed, options);
    }
    return exportPacket({ archive: ctx.archive, renderer, ...control }, options);
  });
  return job.id;
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
      // Fail fast on a wrong id before a job exists.
      if (options.packetId !== undefined) getPacket(db, options.packetId);
      else getDossier(db, options.dossierId!);
      return { jobId: await startExport(ctx, options) };
    },
    'packets.defaultOutDir': async ({ dossierId }) => defaultOutDir(ctx.archive, getDossier(db, dossierId)),
    'jobs.get': async ({ jobId }) => ctx.jobs.get(jobId),
    'jobs.cancel': async ({ jobId }) => ctx.jobs.cancel(jobId),
  };
}
