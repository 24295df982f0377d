import type { IndicatorTables } from './index';
import { tablesToSystem } from './system';
import type { ImportChoices, ParsedSystem } from './types';

/**
 * The tree of the last file read, so 确认导入 right after 预览 does not work it out again. A
 * mapping equal to the one detected is the detected reading (it is what the preview showed).
 */
let last: { read: IndicatorTables; detected: boolean; key: string; mapping: string; value: ParsedSystem } | null = null;

export function systemOf(read: IndicatorTables, choices: Pick<ImportChoices, 'mapping' | 'skipSections' | 'keepRows'>): ParsedSystem {
  const key = JSON.stringify([choices.skipSections ?? [], choices.keepRows ?? []]);
  const mapping = JSON.stringify(choices.mapping ?? null);
  if (last && last.read === read && last.key === key) {
    if (last.mapping === mapping || (last.detected && choices.mapping && JSON.stringify(last.value.mapping) === mapping)) return last.value;
  }
  const value = tablesToSystem(read.tables, read.fileLabel, read.fallbackName, choices);
  last = { read, detected: choices.mapping === undefined, key, mapping, value };
  return value;
}
