import { useCallback, useEffect, useRef, useState } from 'react';
import { takePrimed } from './primedQueries';
import { useReportError } from './useReportError';

export interface Query<T> {
  data: T | undefined;
  loading: boolean;
  /** The last load's failure (already shown to the clerk), until a load succeeds. */
  error: unknown;
  /** Load again (e.g. after adding materials); keeps showing the old data meanwhile. */
  reload: () => void;
}

/**
 * Load data for the given key; `load === null` means nothing to load. `load` must be memoized:
 * a new function (its inputs changed) loads again, keeping the old data on screen meanwhile;
 * a new `key` clears the old data first. Results of a superseded
 * load are dropped, failures are shown with their Chinese message under `errorTitle`.
 * A load primed for `key` at start-up (primedQueries) stands in for the first one.
 */
export function useQuery<T>(key: string, load: (() => Promise<T>) | null, errorTitle: string): Query<T> {
  const reportError = useReportError();
  const [primedAtMount] = useState(() => (load === null ? undefined : takePrimed<T>(key)));
  const primed = useRef(primedAtMount);
  const loaded = primedAtMount?.outcome?.ok ? primedAtMount.outcome.value : undefined;
  const [data, setData] = useState<T | undefined>(loaded);
  const [loading, setLoading] = useState(load !== null && loaded === undefined);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const keyRef = useRef(key);

  useEffect(() => {
    if (keyRef.current !== key) {
      keyRef.current = key;
      setData(undefined);
    }
    if (!load) {
      setData(undefined);
      setLoading(false);
      return;
    }
    const first = primed.current;
    primed.current = undefined;
    // Already drawn with the primed data: nothing to load until something asks again.
    if (first?.outcome?.ok) return;
    let stale = false;
    setLoading(true);
    (first ? first.promise : load()).then(
      (result) => {
        if (stale) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (stale) return;
        setError(err);
        setLoading(false);
        reportError(err, errorTitle);
      },
    );
    return () => {
      stale = true;
    };
  }, [key, load, version, reportError, errorTitle]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}
