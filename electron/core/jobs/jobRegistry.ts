import { randomUUID } from 'node:crypto';
import type { Job, JobKind, JobResults } from '../../../shared/domain';
import { ApiError, toErrorShape } from '../../../shared/errors';

export interface JobControl {
  signal: AbortSignal;
  report(progress: number, message: string): void;
}

/**
 * Long work (imports, exports) runs as a job: callers start it, poll `get` for progress, and may
 * `cancel`. Polling works the same over IPC, HTTP and direct calls.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, { job: Job; controller: AbortController; finished: Promise<void> }>();

  start<K extends JobKind>(kind: K, run: (control: JobControl) => Promise<JobResults[K]>): Job {
    // One mutable record per job; typed loosely inside, exact (per kind) at the API.
    const job = { id: randomUUID(), kind, state: 'running', progress: 0, message: '准备中', error: null, result: null } as {
      id: string;
      kind: K;
      state: Job['state'];
      progress: number;
      message: string;
      error: string | null;
      result: JobResults[K] | null;
    };
    const controller = new AbortController();
    const control: JobControl = {
      signal: controller.signal,
      report: (progress, message) => {
        job.progress = Math.max(0, Math.min(1, progress));
        job.message = message;
      },
    };
    const finished = run(control).then(
      (result) => {
        if (controller.signal.aborted) {
          job.state = 'cancelled';
          job.message = '已取消';
          return;
        }
        job.state = 'done';
        job.progress = 1;
        job.message = '完成';
        job.result = result;
      },
      (err: unknown) => {
        if (controller.signal.aborted) {
          job.state = 'cancelled';
          job.message = '已取消';
          return;
        }
        job.state = 'failed';
        job.error = toErrorShape(err).message;
        job.message = '失败';
      },
    );
    this.jobs.set(job.id, { job: job as Job, controller, finished });
    return { ...job } as Job;
  }

  get(id: string): Job {
    const entry = this.jobs.get(id);
    if (!entry) throw new ApiError('not_found', '任务不存在或已过期');
    return { ...entry.job };
  }

  cancel(id: string): Job {
    const entry = this.jobs.get(id);
    if (!entry) throw new ApiError('not_found', '任务不存在或已过期');
    if (entry.job.state === 'running') entry.controller.abort();
    return { ...entry.job };
  }

  /** Resolves when the job has settled (for the CLI and tests). */
  async wait(id: string): Promise<Job> {
    const entry = this.jobs.get(id);
    if (!entry) throw new ApiError('not_found', '任务不存在或已过期');
    await entry.finished;
    return { ...entry.job };
  }
}
