import type { ApiClient } from '../../shared/api';
import type { JobOf } from '../../shared/domain';

/** Poll a packet export job until it is no longer running. */
export async function waitForExport(api: ApiClient, jobId: string): Promise<JobOf<'export'>> {
  for (;;) {
    const job = await api['jobs.get']({ jobId });
    if (job.kind !== 'export') throw new Error(`unexpected job kind ${job.kind}`);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Start an export and wait for it; anything but done fails the test with the job's error. */
export async function exportJob(api: ApiClient, args: Parameters<ApiClient['packets.export']>[0]): Promise<JobOf<'export'>> {
  const { jobId } = await api['packets.export'](args);
  const job = await waitForExport(api, jobId);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.error}`);
  return job;
}
