import type { Db } from '../archive/database';
import { hasPendingIndex, indexPending } from './searchIndex';

/** One batch at a time, so that the process holding the archive answers in between. */
const BATCH = 50;
/** How often to look for materials another process (the CLI, a second window) left pending. */
const POLL_MS = 1000;
/** After a failure (another process writing for long, say), wait this long before trying again. */
const BACK_OFF_MS = 30_000;

export interface SearchIndexer {
  /** Index what is pending soon, in the background. */
  kick(): void;
  stop(): void;
}

/**
 * Writes pending index rows in small batches on this thread's idle turns (a batch of 50 reports
 * takes some 50 ms). A batch does not wait for another process's write lock (the app's thread
 * must not stall): it tries again later. Timers are unref'd: a CLI command does not wait for them.
 */
export function startSearchIndexer(db: Db, onError: (error: unknown) => void): SearchIndexer {
  let stopped = false;
  let running = false;
  let resumeAt = 0;
  // Index rows are derived data: a batch lost to a power cut leaves its materials pending, to be
  // indexed again, so its commit need not wait for the disk (each fsync would hold this thread).
  const batchWithoutWaiting = (): number => {
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    db.pragma('synchronous = NORMAL');
    try {
      return indexPending(db, BATCH);
    } finally {
      db.pragma(`synchronous = ${synchronous}`);
      db.pragma(`busy_timeout = ${timeout}`);
    }
  };
  const step = () => {
    if (stopped) return;
    try {
      if (batchWithoutWaiting() === BATCH) {
        setImmediate(step);
        return;
      }
    } catch (error) {
      resumeAt = Date.now() + BACK_OFF_MS;
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') onError(error);
    }
    running = false;
  };
  const kick = () => {
    if (stopped || running || Date.now() < resumeAt) return;
    running = true;
    setImmediate(step);
  };
  const poll = setInterval(() => {
    try {
      if (!running && hasPendingIndex(db)) kick();
    } catch (error) {
      resumeAt = Date.now() + BACK_OFF_MS;
      onError(error);
    }
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
