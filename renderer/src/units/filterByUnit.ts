import { unitNamesIn, type Indicator } from '../../../shared/domain';

/** Every unit named on the tree, for the filter. */
export function unitsNamedIn(indicators: Indicator[]): string[] {
  return [...new Set(indicators.flatMap((i) => unitNamesIn(i.responsibleUnit)))];
}

/** The items a unit is responsible for, with their ancestors so the tree keeps its shape. */
export function filterByUnit(indicators: Indicator[], unit: string | null): Indicator[] {
  if (!unit) return indicators;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const keep = new Set<number>();
  for (const i of indicators) {
    if (!unitNamesIn(i.responsibleUnit).includes(unit)) continue;
    for (let at: Indicator | undefined = i; at && !keep.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      keep.add(at.id);
    }
  }
  return indicators.filter((i) => keep.has(i.id));
}
