import { Skeleton } from 'antd';
import { useEffect } from 'react';

/** A drawn row whose record has not arrived: ask for it, show a grey bar meanwhile. */
export function PendingRow({ id, need }: { id: number; need?: (id: number) => void }) {
  useEffect(() => need?.(id), [id, need]);
  return <Skeleton.Input active size="small" style={{ width: 240 }} data-testid="material-pending" />;
}
