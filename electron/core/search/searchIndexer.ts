import type { Db } from '../archive/database';
import { hasPendingIndex, indexPending } from './searchIndex';

/** One batch at a time, so that the process holding the archive answers in between. */
const BATCH = 50;
/** How often to look for materials another process (the CLI, a second window) left pending. */
const POLL_MS = 1000;

export interface SearchIndexer {
  /** Index what is pending soon, in the background. */
  kick(): void;
  stop(): void;
}

/**
 * Writes pending index rows in small batches on this thread's idle turns (a batch of 50 reports
 * takes some 50 ms). Timers are unref'd: a CLI command does not wait for them to exit.
 */
export function startSearchIndexer(db: Db, onError: (error: unknown) => void): SearchIndexer {
  let stopped = false;
  let running = false;
  const step = () => {
    if (stopped) return;
    try {
      if (indexPending(db, BATCH) === BATCH) {
        setImmediate(step);
        return;
      }
    } catch (error) {
      onError(error);
    }
    running = false;
  };
  const kick = () => {
    if (stopped || running) return;
    running = true;
    setImmediate(step);
  };
  const poll = setInterval(() => {
    if (!running && hasPendingIndex(db)) kick();
  }, POLL_MS);
  poll.unref();
  kick();
  return {
    kick,
    stop() {
      stopped = true;
      clearInterval(poll);
    },
  };
}
