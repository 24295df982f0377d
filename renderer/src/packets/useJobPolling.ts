import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/domain';
import { errorText } from '../common/errors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

const INTERVAL_MS = 300;

/**
 * Follow a background job until it is done, failed or cancelled. `lost` is set when its state
 * cannot be read any more (the service stopped): the dialog must not wait forever.
 */
export function useJobPolling(jobId: string | null): { job: Job | null; lost: string | null } {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [job, setJob] = useState<Job | null>(null);
  const [lost, setLost] = useState<string | null>(null);

  useEffect(() => {
    setJob(null);
    setLost(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api['jobs.get']({ jobId });
        if (stopped) return;
        setJob(next);
        if (next.state === 'running') timer = setTimeout(poll, INTERVAL_MS);
      } catch (err) {
        if (stopped) return;
        reportError(err, '读取导出进度失败');
        setLost(errorText(err));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, reportError]);

  return { job, lost };
}
