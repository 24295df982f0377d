import { Worker, type Transferable } from 'node:worker_threads';

/** Why a request got no reply: it ran over its time, ran out of memory, or the thread died. */
export type Stopped = 'timeout' | 'memory' | 'crash';

export type WorkerOutcome<R> = { reply: R } | { stopped: Stopped };

export interface ScriptWorkerOptions {
  /**
   * The worker's code as text, run with `eval: true` so that it runs the same from the sources
   * (tests, tsx) and from the bundled desktop app, which has no separate file for it. It
   * answers each `{ id, ...request }` message with `{ id, ...reply }`.
   */
  source: string;
  /** Resolved on the main thread when the worker starts (absolute module paths, say). */
  workerData: () => unknown;
  maxHeapMb: number;
  /** A worker idle this long is ended: WASM memory only grows, ending it gives it back. */
  idleMs: number;
  /**
   * The heap limit does not count ArrayBuffers, where parsers inflate streams: the process's
   * resident memory is watched while a request runs, and a request that grows it by more than
   * this is stopped as out of memory.
   */
  maxRssGrowthMb?: number;
}

/** How often resident memory is looked at while a request runs. */
const RSS_POLL_MS = 50;

/**
 * Run first in every worker: what a library writes to the console or to stdout/stderr is
 * dropped (a worker's own code may take console over again to collect it). Piping the worker's
 * stdio to the main thread instead would keep the process alive after its work is done: a
 * command would not exit until the idle worker was ended.
 */
const SILENCE = `
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[name] = () => {};
process.stdout.write = process.stderr.write = () => true;
`;

/**
 * One thread for a library that must not touch the main one: one request at a time, each with a
 * time limit. What the library writes to stdout/stderr is dropped (never the clerk's
 * business); a request that runs over or runs out of memory ends the thread, and the next
 * request starts a fresh one.
 */
export class ScriptWorker<Request extends object, Reply extends object> {
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(private readonly options: ScriptWorkerOptions) {}

  run(request: Request, timeoutMs: number, transfer: Transferable[] = []): Promise<WorkerOutcome<Reply>> {
    const next = this.tail.then(() => this.dispatch(request, timeoutMs, transfer));
    // The queue goes on after a request that failed outright (a thread that could not start).
    this.tail = next.catch(() => undefined);
    return next;
  }

  private start(): Worker {
    const w = new Worker(SILENCE + this.options.source, {
      eval: true,
      workerData: this.options.workerData(),
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    w.unref();
    return w;
  }

  private dispatch(request: Request, timeoutMs: number, transfer: Transferable[]): Promise<WorkerOutcome<Reply>> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const w = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (outcome: WorkerOutcome<Reply>) => {
        clearTimeout(timer);
        if (watch) clearInterval(watch);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        w.unref();
        if (this.worker === w) {
          this.idleTimer = setTimeout(() => this.end(w), this.options.idleMs);
          this.idleTimer.unref();
        }
        resolve(outcome);
      };
      const stop = (stopped: Stopped) => {
        this.end(w);
        done({ stopped });
      };
      const onMessage = (message: { id: number } & Reply) => {
        if (message.id === id) done({ reply: message });
      };
      const onError = (err: Error & { code?: string }) => stop(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash');
      const onExit = () => stop('crash');
      const timer = setTimeout(() => stop('timeout'), timeoutMs);
      const limit = this.options.maxRssGrowthMb;
      const base = limit ? process.memoryUsage.rss() : 0;
      const watch = limit
        ? setInterval(() => {
            if (process.memoryUsage.rss() - base > limit * 1024 * 1024) stop('memory');
          }, RSS_POLL_MS)
        : null;
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.ref();
      try {
        w.postMessage({ ...request, id }, transfer);
      } catch {
        done({ stopped: 'crash' }); // a request that cannot be sent (not cloneable): the thread is fine
      }
    });
  }

  private end(w: Worker): void {
    if (this.worker === w) {
      this.worker = null;
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    void w.terminate();
  }
}

/**
 * The worker-side end of a task worker, appended to a source that defines `tasks` (name → async
 * function of the request): it answers `{ id, task, ...request }` with `{ id, result }`, or with
 * `{ id, error }` holding what the task threw.
 */
export const TASK_LOOP = `
parentPort.on('message', async ({ id, task, ...request }) => {
  try {
    parentPort.postMessage({ id, result: await tasks[task](request) });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

/** What a TASK_LOOP worker sends back. */
export type TaskReply = { result?: unknown; error?: string };

/** A task's result, the message of what it threw (a damaged file, say), or why it was stopped. */
export type TaskOutcome<T> = { ok: T } | { error: string } | { stopped: Stopped };

export function taskOutcome<T>(outcome: WorkerOutcome<TaskReply>): TaskOutcome<T> {
  if ('stopped' in outcome) return { stopped: outcome.stopped };
  if (outcome.reply.error !== undefined) return { error: outcome.reply.error };
  return { ok: outcome.reply.result as T };
}

/** Time a file's work may take: ten seconds, and two more per MB. */
export function timeoutForSize(bytes: number): number {
  return 10_000 + 2_000 * Math.ceil(bytes / (1024 * 1024));
}
