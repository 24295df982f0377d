import { useCallback, useRef, useState } from 'react';
import type { AddReport, FailedFile } from '../../../shared/domain';
import { errorText } from '../common/errors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

export type AddPhase =
  | { step: 'idle' }
  | { step: 'uploading'; done: number; total: number }
  | { step: 'filing'; total: number; progress: number; message: string; jobId: string | null };

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AddOutcome {
  report: AddReport;
  /** Where the files were filed, in words (“1.1 创建工作机制” or “全部材料”). */
  target: string;
}

export interface AddTarget {
  dossierId: number;
  indicatorId: number | null;
  label: string;
}

/**
 * Adding files: the browser uploads them to the bridge first (the desktop app passes paths),
 * then the core files them. Keeps the progress and the last result for the clerk to read.
 */
export function useAddMaterials(onAdded: () => void) {
  const { api, filesToPaths } = usePlatform();
  const reportError = useReportError();
  const [phase, setPhase] = useState<AddPhase>({ step: 'idle' });
  const [outcome, setOutcome] = useState<AddOutcome | null>(null);
  const busy = useRef(false);
  const cancelled = useRef(false);

  const addPaths = useCallback(
    async (target: AddTarget, paths: string[], uploadFailures: FailedFile[]) => {
      let report: AddReport = { added: [], duplicates: [], failed: [] };
      let note = '';
      if (paths.length > 0) {
        // A job: the core files in the background, the screen polls its progress and may cancel.
        let job = await api['materials.import']({
          dossierId: target.dossierId,
          paths,
          indicatorIds: target.indicatorId === null ? [] : [target.indicatorId],
        });
        while (job.state === 'running') {
          setPhase({ step: 'filing', total: paths.length, progress: job.progress, message: job.message, jobId: job.id });
          await sleep(POLL_MS);
          job = (await api['jobs.get']({ jobId: job.id })) as typeof job;
        }
        if (job.state === 'failed') throw { code: 'internal', message: job.error ?? '导入失败' };
        if (job.state === 'cancelled') note = '（已取消，未处理的文件没有添加）';
        report = job.result ?? report;
      }
      setOutcome({ report: { ...report, failed: [...uploadFailures, ...report.failed] }, target: target.label + note });
      onAdded();
    },
    [api, onAdded],
  );

  const run = useCallback(
    async (target: AddTarget, getPaths: () => Promise<{ paths: string[]; failed: FailedFile[] }>) => {
      if (busy.current) {
        reportError({ code: 'conflict', message: '上一批文件还在处理中，请稍候再添加' }, '无法添加材料');
        return;
      }
      busy.current = true;
      cancelled.current = false;
      try {
        const { paths, failed } = await getPaths();
        if (paths.length > 0 || failed.length > 0) await addPaths(target, paths, failed);
      } catch (err) {
        reportError(err, '添加材料失败');
      } finally {
        busy.current = false;
        setPhase({ step: 'idle' });
      }
    },
    [addPaths, reportError],
  );

  /** Files one by one, so that one file the bridge refuses (too large, unreadable) fails alone. */
  const addFiles = useCallback(
    (target: AddTarget, files: File[]) =>
      run(target, async () => {
        const paths: string[] = [];
        const failed: FailedFile[] = [];
        for (let i = 0; i < files.length && !cancelled.current; i += 1) {
          setPhase({ step: 'uploading', done: i, total: files.length });
          try {
            paths.push(...(await filesToPaths([files[i]])));
          } catch (err) {
            failed.push({ path: files[i].name, reason: errorText(err) });
          }
        }
        return { paths, failed };
      }),
    [run, filesToPaths],
  );

  const addPickedPaths = useCallback(
    (target: AddTarget, paths: string[]) => run(target, async () => ({ paths, failed: [] })),
    [run],
  );

  /** Stop uploading, and cancel the import job: files under way finish, the rest are left. */
  const cancel = useCallback(() => {
    cancelled.current = true;
    if (phase.step === 'filing' && phase.jobId) {
      api['jobs.cancel']({ jobId: phase.jobId }).catch((err: unknown) => reportError(err, '取消失败'));
    }
  }, [api, phase, reportError]);

  return { phase, outcome, clearOutcome: () => setOutcome(null), addFiles, addPickedPaths, cancel };
}
