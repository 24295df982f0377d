import { useCallback, useMemo, useRef, useState } from 'react';
import type { Material } from '../../../shared/domain';
import { materialIndexQuery, type ListOrder } from '../api/queries';
import { useQuery } from '../common/useQuery';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import type { ListEntry } from './listEntry';

export { defaultOrder, type ListOrder } from '../api/queries';

/** Rows asked for in one call: a screenful and more, well under the API's 500. */
const BATCH = 200;

/**
 * The material list of a scope as a window: the order (ids and kinds) loads at once, a row's
 * record only when the virtual table draws it. Rows asked for in the same moment go in one
 * call. After a reload the old records stay on screen until their fresh copies arrive.
 */
export function useMaterialWindow(
  dossierId: number,
  indicatorId: number | null,
  includeBelow: boolean,
  order: ListOrder,
  refreshKey: number,
) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const { key, load } = useMemo(
    () => materialIndexQuery(api, dossierId, indicatorId, includeBelow, order),
    // refreshKey: a new load after a change.
    [api, dossierId, indicatorId, includeBelow, order, refreshKey],
  );
  const index = useQuery(key, load, '读取材料失败');

  const records = useRef(new Map<number, Material>());
  const fresh = useRef(new Set<number>());
  const wanted = useRef(new Set<number>());
  const [version, setVersion] = useState(0);

  // After a reload every record may be stale: it is still drawn, but fetched again as it is
  // drawn. The first rows came with the order. This runs while rendering, before the rows'
  // effects ask for anything (children's effects run before their parents').
  useMemo(() => {
    fresh.current = new Set();
    for (const m of index.data?.head ?? []) {
      records.current.set(m.id, m);
      fresh.current.add(m.id);
    }
  }, [index.data]);

  const flush = useCallback(() => {
    const ids = [...wanted.current];
    wanted.current.clear();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      api['materials.getMany']({ materialIds: batch }).then(
        (rows) => {
          for (const m of rows) records.current.set(m.id, m);
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          for (const id of batch) fresh.current.delete(id);
          reportError(err, '读取材料失败');
        },
      );
    }
  }, [api, reportError]);

  /**
   * A drawn row needs its record: gather the requests of this moment into one call. A new
   * function for each load of the order, so drawn rows ask again after a reload.
   */
  const need = useCallback(
    (id: number) => {
      if (fresh.current.has(id)) return;
      fresh.current.add(id);
      if (wanted.current.size === 0) setTimeout(flush, 0);
      wanted.current.add(id);
    },
    // index.data: a reload makes every drawn row ask again.
    [flush, index.data],
  );

  const entries = useMemo((): ListEntry[] | undefined => {
    const data = index.data;
    if (!data) return undefined;
    return data.ids.map((id, i) => records.current.get(id) ?? { id, kind: data.kinds[i], pending: true });
    // version: records arrived (the first rows were put in above, with the order).
  }, [index.data, version]);

  const kindOf = useMemo(() => {
    const data = index.data;
    return new Map(data ? data.ids.map((id, i) => [id, data.kinds[i]]) : []);
  }, [index.data]);

  return { entries, loading: index.loading, need, kindOf };
}
