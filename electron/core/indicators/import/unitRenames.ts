import { unitNamesIn, type PreviewUnit, type UnitRename } from '../../../../shared/domain';
import type { ParsedSystem } from './types';

/** Rename units on every indicator; two units given one name are merged (named once per item). */
export function renameUnits(parsed: ParsedSystem, renames: readonly UnitRename[]): ParsedSystem {
  const to = new Map(renames.map((r) => [r.from, r.to.trim()]));
  const rename = (text: string) => [...new Set(unitNamesIn(text).map((n) => to.get(n) || n))].join('、');
  return { ...parsed, indicators: parsed.indicators.map((i) => ({ ...i, responsibleUnit: rename(i.responsibleUnit) })) };
}

/** The units the tree names, in order of first mention, with how many items each has. */
export function unitsOf(indicators: readonly { responsibleUnit: string }[], registered: ReadonlySet<string>): PreviewUnit[] {
  const counts = new Map<string, number>();
  for (const i of indicators) for (const name of unitNamesIn(i.responsibleUnit)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, indicatorCount]) => ({ name, indicatorCount, registered: registered.has(name) }));
}
