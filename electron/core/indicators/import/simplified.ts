import { ConverterFactory, type DictLike } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';
import type { ParsedSystem } from './types';

/**
 * 繁体 → 简体 with OpenCC's own tables (Taiwan variants first, then OpenCC's traditional →
 * simplified phrases and characters). Used to recognise column names and keywords in tables
 * copied from sites that show 繁体; titles stay as written unless the clerk asks for 简体.
 */
const convert = ConverterFactory(...(from.tw ?? []), ...(to.cn ?? []));

/**
 * Every character OpenCC's tables turn into another one on its own (臺 → 台, 標 → 标), by code
 * unit: a quick test before converting. Characters that only change inside a phrase are left to
 * the phrase, which always holds one of these.
 */
const TRADITIONAL = traditionalCharacters();

function traditionalCharacters(): Set<number> {
  const chars = new Set<number>();
  const add = (key: string) => {
    if (key.length === 1 && convert(key) !== key) chars.add(key.charCodeAt(0));
  };
  for (const group of [...(from.tw ?? []), ...(to.cn ?? [])]) {
    for (const dict of group as readonly DictLike[]) {
      if (typeof dict === 'string') for (const entry of dict.split('|')) add(entry.split(' ')[0] ?? '');
      else for (const [key] of dict) add(key);
    }
  }
  return chars;
}

/** CJK ideographs start at U+3400; text below that (ASCII, punctuation) has none. */
const FIRST_CJK = 0x3400;

export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FIRST_CJK && TRADITIONAL.has(code)) return true;
  }
  return false;
}

/** The simplified form of a text; the text itself (same string) when it holds no traditional character. */
export function toSimplified(text: string): string {
  return hasTraditional(text) ? convert(text) : text;
}

/** Whether any name or text of the tree is written in 繁体 (the preview then offers 简体). */
export function systemHasTraditional(parsed: ParsedSystem): boolean {
  return parsed.indicators.some((i) => hasTraditional(i.title) || hasTraditional(i.content) || hasTraditional(i.standard));
}

/** The tree with every text in 简体, as the clerk chose in the preview; codes stay as printed. */
export function simplifySystem(parsed: ParsedSystem): ParsedSystem {
  return {
    ...parsed,
    name: toSimplified(parsed.name),
    indicators: parsed.indicators.map((i) => ({
      ...i,
      title: toSimplified(i.title),
      numbering: toSimplified(i.numbering),
      content: toSimplified(i.content),
      standard: toSimplified(i.standard),
      methods: i.methods.map(toSimplified),
      requiredMaterials: toSimplified(i.requiredMaterials),
      responsibleUnit: toSimplified(i.responsibleUnit),
      responsiblePerson: toSimplified(i.responsiblePerson),
    })),
  };
}
