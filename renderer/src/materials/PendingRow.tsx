import { Skeleton } from 'antd';
import { useEffect } from 'react';

/**
 * Asks for a drawn row's record, and again whenever `need` changes (the list reloaded, so what
 * is drawn may be stale). Draws nothing itself.
 */
export function RowFetch({ id, need }: { id: number; need?: (id: number) => void }) {
  useEffect(() => need?.(id), [id, need]);
  return null;
}

/** A drawn row whose record has not arrived: a grey bar meanwhile. */
export function PendingRow({ id, need }: { id: number; need?: (id: number) => void }) {
  return (
    <>
      <RowFetch id={id} need={need} />
      <Skeleton.Input active size="small" style={{ width: 240 }} data-testid="material-pending" />
    </>
  );
}
