import { UNIT_SEPARATORS, unitNamesIn } from '../../../shared/domain';

export function namesUnit(text: string, name: string): boolean {
  return unitNamesIn(text).includes(name);
}

/** Rename one unit inside a 责任单位 text, keeping the other names and separators as they were. */
export function renameUnitIn(text: string, from: string, to: string): string {
  return text
    .split(UNIT_SEPARATORS)
    .map((part, i) => (i % 2 === 0 && part === from ? to : part))
    .join('');
}
