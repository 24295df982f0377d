import { useCallback, useRef, useState } from 'react';
import type { AddReport, FailedFile } from '../../../shared/domain';
import { errorText } from '../common/errors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

export type AddPhase =
  | { step: 'idle' }
  | { step: 'uploading'; done: number; total: number }
  | { step: 'filing'; total: number };

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

  const addPaths = useCallback(
    async (target: AddTarget, paths: string[], uploadFailures: FailedFile[]) => {
      let report: AddReport = { added: [], duplicates: [], failed: [] };
      if (paths.length > 0) {
        setPhase({ step: 'filing', total: paths.length });
        report = await api['materials.add']({
          dossierId: target.dossierId,
          paths,
          indicatorIds: target.indicatorId === null ? [] : [target.indicatorId],
        });
      }
      setOutcome({ report: { ...report, failed: [...uploadFailures, ...report.failed] }, target: target.label });
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
        for (let i = 0; i < files.length; i += 1) {
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

  return { phase, outcome, clearOutcome: () => setOutcome(null), addFiles, addPickedPaths };
}
