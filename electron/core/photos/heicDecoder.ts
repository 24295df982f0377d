import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface DecodedPixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom, already turned upright (irot/imir applied). */
  data: Buffer;
}

/**
 * The worker's code. It is handed to `new Worker(…, { eval: true })` as text so that it runs
 * the same way from the sources (tests, tsx) and from the bundled desktop app, which has no
 * separate file for it. heic-decode (libheif compiled to WASM, bundled inline: nothing is
 * fetched) is loaded by the absolute path the main thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
// libheif reports failures on the console; the caller turns them into the clerk's message.
console.log = console.warn = console.error = () => {};
const decode = require(workerData.decoder);
parentPort.on('message', async ({ id, file }) => {
  try {
    const image = await decode({ buffer: fs.readFileSync(file) });
    parentPort.postMessage({ id, width: image.width, height: image.height, data: image.data }, [image.data.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

/** WASM memory only grows: a worker that sat idle this long is ended to give it back. */
const IDLE_MS = 20_000;
const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));

interface Task {
  id: number;
  file: string;
  resolve: (pixels: DecodedPixels) => void;
  reject: (err: Error) => void;
}

type Reply = { id: number; width: number; height: number; data: Uint8ClampedArray } | { id: number; error: string };

class HeicWorker {
  private readonly worker: Worker;
  private idleTimer: NodeJS.Timeout | null = null;
  task: Task | null = null;

  constructor(
    decoder: string,
    private readonly onFree: (w: HeicWorker) => void,
    private readonly onGone: (w: HeicWorker) => void,
  ) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { decoder } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.finish(reply));
    // A crash (out of memory on a huge photo, say) fails its task only; the pool starts afresh.
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', () => this.fail(new Error('HEIC 解码进程已退出')));
  }

  run(task: Task): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.task = task;
    this.worker.ref();
    this.worker.postMessage({ id: task.id, file: task.file });
  }

  private finish(reply: Reply): void {
    const task = this.task;
    if (!task || task.id !== reply.id) return;
    this.task = null;
    this.worker.unref();
    if ('error' in reply) task.reject(new Error(reply.error));
    else task.resolve({ width: reply.width, height: reply.height, data: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength) });
    this.idleTimer = setTimeout(() => void this.worker.terminate(), IDLE_MS);
    this.idleTimer.unref();
    this.onFree(this);
  }

  private fail(err: Error): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const task = this.task;
    this.task = null;
    this.onGone(this);
    task?.reject(err);
  }
}

/** A few decoding threads, started on first use and ended when idle. */
class HeicPool {
  private readonly idle: HeicWorker[] = [];
  private readonly busy = new Set<HeicWorker>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private decoder: string | null = null;

  decode(file: string): Promise<DecodedPixels> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.busy.size < POOL_SIZE ? this.spawn() : null);
      if (!worker) return;
      this.busy.add(worker);
      worker.run(this.queue.shift()!);
    }
  }

  private spawn(): HeicWorker {
    this.decoder ??= createRequire(import.meta.url).resolve('heic-decode');
    return new HeicWorker(
      this.decoder,
      (w) => {
        this.busy.delete(w);
        this.idle.push(w);
        this.dispatch();
      },
      (w) => {
        this.busy.delete(w);
        const at = this.idle.indexOf(w);
        if (at >= 0) this.idle.splice(at, 1);
        this.dispatch();
      },
    );
  }
}

const pool = new HeicPool();

/**
 * Decode a HEVC-coded HEIF/HEIC photo (iPhone) to RGBA on a worker thread: sharp's prebuilt
 * libvips has no HEVC decoder, and the WASM decoder would otherwise hold the main thread for
 * seconds on a 12-megapixel photo. Rejects when the file is not a decodable HEIC.
 */
export function decodeHeic(file: string): Promise<DecodedPixels> {
  return pool.decode(file);
}
