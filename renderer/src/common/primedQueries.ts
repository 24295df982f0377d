// Loads started before the screen that shows them exists (at start-up, before React's first
// render), handed to that screen's useQuery by key. A screen that mounts after its load has
// finished draws with the data at once, in the same pass as everything around it, instead of
// drawing empty and then again.

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface Primed<T> {
  promise: Promise<T>;
  /** Set as soon as the load settles. */
  outcome: Outcome<T> | null;
}

const primed = new Map<string, Primed<unknown>>();

/** Start a load for `key`; resolves (never rejects) with its outcome when the load settles. */
export function prime<T>(key: string, load: () => Promise<T>): Promise<Outcome<T>> {
  const entry: Primed<T> = { promise: load(), outcome: null };
  primed.set(key, entry as Primed<unknown>);
  return entry.promise.then(
    (value) => (entry.outcome = { ok: true, value }),
    (error: unknown) => (entry.outcome = { ok: false, error }),
  );
}

/** The primed load of `key`, once: the next mount of the same query loads afresh. */
export function takePrimed<T>(key: string): Primed<T> | undefined {
  const entry = primed.get(key) as Primed<T> | undefined;
  primed.delete(key);
  return entry;
}

/** Forget what nobody took (a view other than the one guessed at start-up): never served stale later. */
export function dropPrimed(): void {
  primed.clear();
}
