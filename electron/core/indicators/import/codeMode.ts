import type { CodeMode } from '../../../../shared/domain';
import type { ParsedSystem } from './types';

/**
 * 'sheet' only when the sheet's own codes say something position does not: a column of 1, 1.1,
 * 1.2 … that matches the tree is positional anyway and may be renumbered after edits.
 */
export function codeModeOf(parsed: Pick<ParsedSystem, 'indicators' | 'ownCodes'>): CodeMode {
  if (!parsed.ownCodes) return 'position';
  const counters = new Map<string | null, number>();
  for (const i of parsed.indicators) {
    const n = (counters.get(i.parentCode) ?? 0) + 1;
    counters.set(i.parentCode, n);
    if (i.code !== (i.parentCode === null ? String(n) : `${i.parentCode}.${n}`)) return 'sheet';
  }
  return 'position';
}
