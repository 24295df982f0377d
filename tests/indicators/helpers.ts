import type { ParsedIndicator, ParsedSystem } from '../../electron/core/indicators/import/types';

/** Depth of each indicator (1 = top), from parent codes. */
export function depthOf(system: ParsedSystem): Map<string, number> {
  const depth = new Map<string, number>();
  for (const i of system.indicators) depth.set(i.code, i.parentCode === null ? 1 : (depth.get(i.parentCode) ?? 0) + 1);
  return depth;
}

/** How many indicators sit at each level: [level 1, level 2, …]. */
export function countsPerLevel(system: ParsedSystem): number[] {
  const counts: number[] = [];
  for (const d of depthOf(system).values()) counts[d - 1] = (counts[d - 1] ?? 0) + 1;
  return counts;
}

export function childrenOf(system: ParsedSystem, code: string | null): ParsedIndicator[] {
  return system.indicators.filter((i) => i.parentCode === code);
}

export function isLeaf(system: ParsedSystem, i: ParsedIndicator): boolean {
  return !system.indicators.some((c) => c.parentCode === i.code);
}

export function sumScores(items: readonly ParsedIndicator[]): number {
  return items.reduce((s, i) => s + (i.score ?? 0), 0);
}

export function byTitle(system: ParsedSystem, title: string): ParsedIndicator {
  const found = system.indicators.find((i) => i.title === title);
  if (!found) throw new Error(`no indicator titled ${title}`);
  return found;
}

/** The rejection of a promise, for asserting ApiError code and message. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { code: String(e.code), message: String(e.message) };
  }
  throw new Error('expected the promise to reject');
}
