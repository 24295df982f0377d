
// Removed when the bench exits: a full run writes some 20 GB of photos, archives and packets.
export { tempDir } from '../tests/helpers/tempArchive';

export async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await body();
  return { ms: performance.now() - start, value };
}

/** Samples resident memory while `body` runs; returns the peak in MB. */
export async function withPeakRss<T>(body: () => Promise<T>): Promise<{ peakMb: number; startMb: number; value: T }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await body();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: Math.round(peak / 1024 ** 2), startMb: Math.round(start / 1024 ** 2), value };
  } finally {
    clearInterval(timer);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
