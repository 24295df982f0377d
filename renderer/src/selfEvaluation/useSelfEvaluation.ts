import { useCallback, useEffect, useState } from 'react';
import type { SelfEvaluation } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

type Entry = { indicatorId: number; score?: number | null; vetoStatus?: 'excluded' | 'present' | null; met?: boolean | null; note?: string };

/** The dossier's 自评, and the calls that change it (each returns the whole evaluation again). */
export function useSelfEvaluation(dossierId: number) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const load = useCallback(() => api['selfEval.get']({ dossierId }), [api, dossierId]);
  const query = useQuery(`selfeval:${dossierId}`, load, '读取自评失败');
  const [data, setData] = useState<SelfEvaluation | undefined>(undefined);
  useEffect(() => setData(query.data), [query.data]);

  const apply = async (work: () => Promise<SelfEvaluation>, title: string): Promise<boolean> => {
    try {
      setData(await work());
      return true;
    } catch (err) {
      reportError(err, title);
      return false;
    }
  };
  return {
    data,
    set: (entry: Entry) => apply(() => api['selfEval.set']({ dossierId, ...entry }), '保存自评失败'),
    setStatement: (indicatorId: number, statement: string) =>
      apply(() => api['selfEval.setStatement']({ dossierId, indicatorId, statement }), '保存结论性说明失败'),
    setPassLine: (passLine: number | null) => apply(() => api['selfEval.setPassLine']({ dossierId, passLine }), '保存达标线失败'),
  };
}
