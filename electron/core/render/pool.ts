import os from 'node:os';

/** How many documents print at once: the cores, at most 4 (each page holds a laid-out document). */
export function printConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Up to `size` reusable things (browser pages, hidden windows), made on demand; `use` waits for
 * a free one. One that failed a job is thrown away (a crashed page), the next job makes another.
 */
export class Pool<T> {
  private free: T[] = [];
  private all = new Set<T>();
  private waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly create: () => Promise<T>,
    private readonly destroy: (item: T) => Promise<void>,
  ) {}

  async use<R>(job: (item: T) => Promise<R>): Promise<R> {
    const item = await this.acquire();
    let ok = false;
    try {
      const result = await job(item);
      ok = true;
      return result;
    } finally {
      if (ok) this.free.push(item);
      else {
        this.all.delete(item);
        await this.destroy(item).catch(() => undefined);
      }
      this.waiting.shift()?.();
    }
  }

  private async acquire(): Promise<T> {
    for (;;) {
      const item = this.free.pop();
      if (item !== undefined) return item;
      if (this.all.size < this.size) {
        // Counted before it exists, so concurrent callers do not overshoot the size.
        const slot = {} as T;
        this.all.add(slot);
        try {
          const made = await this.create();
          this.all.delete(slot);
          this.all.add(made);
          return made;
        } catch (err) {
          this.all.delete(slot);
          this.waiting.shift()?.();
          throw err;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Destroy everything made; jobs still running keep their item until they finish. */
  async drain(): Promise<void> {
    const items = [...this.free];
    this.free = [];
    this.all.clear();
    await Promise.all(items.map((i) => this.destroy(i).catch(() => undefined)));
  }
}
