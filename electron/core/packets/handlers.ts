import type { HandlersOf } from '../../../shared/api';
import type { packetApi } from '../../../shared/api/packets';
import type { CoreContext } from '../context';
import { getDossier } from '../dossiers/repo';
import { createPacket, deletePacket, getPacket, listPackets, updatePacket } from './definitions/repo';
import { defaultOutDir, exportPacket } from './exportPacket';

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
    'packets.export': async (options) => {
      // Fail fast on a wrong id, before a job exists.
      if (options.packetId !== undefined) getPacket(db, options.packetId);
      else getDossier(db, options.dossierId!);
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
