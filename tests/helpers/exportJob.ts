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
