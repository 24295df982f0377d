import type { Job } from '../domain';
import { absPath, dossierRef, id, returns, text, z } from './define';

export const exportOptionsSchema = z
  .object({
    dossierId: id,
    outDir: absPath,
    pdf: z.boolean().default(true),
    xlsx: z.boolean().default(true),
    folder: z.boolean().default(true),
    title: text(200).optional(),
  })
  .strict();

const jobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const packetApi = {
  'packets.export': returns<{ jobId: string }>()(exportOptionsSchema),
  'packets.defaultOutDir': returns<string>()(dossierRef),
  'jobs.get': returns<Job>()(jobRef),
  'jobs.cancel': returns<Job>()(jobRef),
} as const;
