import { useCallback, useState } from 'react';
import { useReportError } from '../common/useReportError';

/**
 * One action at a time, named: `run('备份', body)` shows the spinner for that action while
 * `body` runs and reports a failure as “备份失败” with the Chinese reason.
 */
export function useBusyAction(): { busy: string | null; run: (what: string, body: () => Promise<void>) => Promise<void> } {
  const reportError = useReportError();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (what: string, body: () => Promise<void>) => {
      setBusy(what);
      try {
        await body();
      } catch (err) {
        reportError(err, `${what}失败`);
      } finally {
        setBusy(null);
      }
    },
    [reportError],
  );
  return { busy, run };
}
