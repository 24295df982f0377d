import { unitNamesIn, type Indicator } from '../../../shared/domain';
import { withAncestors } from '../indicators/indicatorTree';

/** Every unit named on the tree, for the filter. */
export function unitsNamedIn(indicators: Indicator[]): string[] {
  return [...new Set(indicators.flatMap((i) => unitNamesIn(i.responsibleUnit)))];
}

/** The items a unit is responsible for, with their ancestors so the tree keeps its shape. */
export function filterByUnit(indicators: Indicator[], unit: string | null): Indicator[] {
  if (!unit) return indicators;
  return withAncestors(indicators, (i) => unitNamesIn(i.responsibleUnit).includes(unit));
}
