import type { Filing } from '../plan';

/**
 * Prints the filings a browser renders a few ahead of the one being merged: Chromium prints
 * several pages at once (render/pool.ts) while pdf-lib merges on this thread, instead of one
 * document after the other. At most `ahead` printed PDFs wait in memory.
 */
export class PrintAhead {
  private readonly queue: Filing[];
  private readonly index = new Map<Filing, number>();
  private readonly started = new Map<Filing, Promise<Uint8Array>>();
  private next = 0;

  constructor(
    order: Filing[],
    private readonly print: (filing: Filing) => Promise<Uint8Array> | null,
    private readonly printable: (filing: Filing) => boolean,
    private readonly ahead: number,
  ) {
    this.queue = order.filter(printable);
    this.queue.forEach((f, i) => this.index.set(f, i));
  }

  /** Start the first few before anything is merged. */
  prime(): void {
    this.fill(this.ahead - 1);
  }

  /** This filing's PDF (started earlier, or now), and the next ones started. Null: not printed. */
  take(filing: Filing): Promise<Uint8Array> | null {
    const i = this.index.get(filing);
    if (i === undefined) return this.print(filing);
    this.fill(i + this.ahead);
    const printed = this.started.get(filing) ?? this.print(filing);
    this.started.delete(filing);
    return printed;
  }

  private fill(upTo: number): void {
    for (; this.next <= upTo && this.next < this.queue.length; this.next += 1) {
      const filing = this.queue[this.next];
      const printed = this.print(filing);
      if (!printed) continue;
      // Failures are the taker's to report (a placeholder page); none goes unhandled meanwhile.
      printed.catch(() => undefined);
      this.started.set(filing, printed);
    }
  }
}
