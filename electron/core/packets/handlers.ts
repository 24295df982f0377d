import type { HandlersOf } from '../../../shared/api';
import type { packetApi } from '../../../shared/api/packets';
import type { CoreContext } from '../context';
import { getDossier } from '../dossiers/repo';
import { defaultOutDir, exportPacket } from './exportPacket';

export function packetHandlers(ctx: CoreContext): HandlersOf<typeof packetApi> {
  const { db } = ctx.archive;
  return {
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
  };
}
