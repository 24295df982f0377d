import { Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import type { AuditEntry } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';

/** The material's audit log: every change, when, in words. */
export function HistoryList({ materialId, version }: { materialId: number; version: string }) {
  const { api } = usePlatform();
  const load = useCallback(
    (): Promise<AuditEntry[]> => api['materials.history']({ materialId }),
    // version: read again after a change
    [api, materialId, version],
  );
  const history = useQuery(`history:${materialId}`, load, '读取变更记录失败');
  return (
    <Timeline
      data-testid="material-history"
      items={(history.data ?? []).map((h) => ({
        content: (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {new Date(h.at).toLocaleString('zh-CN')}
            </Typography.Text>
            <div data-testid="history-entry">{h.summary}</div>
          </>
        ),
      }))}
    />
  );
}
