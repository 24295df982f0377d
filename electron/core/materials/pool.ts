/**
 * Run `task` over `items` with at most `limit` at a time, in order of start. Stops starting new
 * ones once `signal` is aborted; those under way finish. Heavy work (hashing, sharp) runs on
 * the libuv pool, so a small limit keeps the cores busy and the event loop free.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next;
      next += 1;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
