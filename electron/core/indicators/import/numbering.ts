/**
 * Outline numbering as printed in Chinese official tables: 第一部分, 一、, （一）, 1., 1.2, （1）, 1）, ①, Ⅰ, A.
 * The style (not the number) is what tells levels apart.
 */
export interface NumberingMatch {
  /** As printed, e.g. “（一）”, “1.”, “1.2.3”. */
  numbering: string;
  /** A name for the style, e.g. 'cn', 'cn-paren', 'arabic', 'dotted-3'. */
  style: string;
  /** The text after the numbering. */
  rest: string;
}

/** Chinese numerals, also the financial forms (壹 贰 叁, 繁体 貳 參 陸). */
const CN = '[一二三四五六七八九十百零〇两兩壹贰貳叁參肆伍陆陸柒捌玖拾]+';
const SEP = '[、.．，,：:]';

interface StylePattern {
  style: string | ((m: RegExpExecArray) => string);
  re: RegExp;
}

// Order matters: longer, more specific forms first (dotted 1.2 before 1.).
const PATTERNS: StylePattern[] = [
  {
    style: (m) => `di-${m[1]}`,
    re: new RegExp(`^第\\s*(?:${CN}|\\d+)\\s*(部分|部份|章|节|節|篇|类|類|编|編|项|項)\\s*${SEP}?\\s*`),
  },
  { style: 'cn-paren', re: new RegExp(`^[（(]\\s*${CN}\\s*[）)]\\s*${SEP}?\\s*`) },
  { style: 'cn', re: new RegExp(`^${CN}\\s*${SEP}\\s*`) },
  { style: 'cn', re: new RegExp(`^${CN}[ \\u3000]+(?=\\S)`) },
  {
    style: (m) => `dotted-${m[0].trim().replace(/[.．、]$/, '').split(/[.．]/).length}`,
    re: /^\d+(?:[.．]\d+)+[.．、]?(?![\d%％分万倍米元个年月日])\s*/,
  },
  // “1-1”, “II-1”, “2-3-1”: codes with hyphens, a level per part (not “2024-2025年”).
  {
    style: (m) => `hyphen-${m[0].trim().replace(/[.．、]$/, '').split('-').length}`,
    re: /^(?:\d+|[IVX]+)(?:-\d+)+(?=$|\s|[、.．](?!\d))[、.．]?\s*/,
  },
  { style: 'arabic-paren', re: /^[（(]\s*\d+\s*[）)]\s*[、.．]?\s*/ },
  { style: 'arabic-paren', re: /^[\u2474-\u2487]\s*/ },
  { style: 'arabic-half-paren', re: /^\d+\s*[）)]\s*/ },
  { style: 'arabic', re: /^\d+\s*[、.．](?!\d)\s*/ },
  { style: 'arabic', re: /^[\u2488-\u249B]\s*/ },
  { style: 'circled', re: /^[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]\s*[、.．]?\s*/ },
  { style: 'roman', re: /^[\u2160-\u216B]+\s*[、.．]?\s*/ },
  // Roman numerals typed in Latin letters: “I、”, “IV.”; the same level as Ⅰ Ⅱ Ⅲ.
  { style: 'roman', re: /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\s*[、.．]\s*/ },
  { style: 'roman-lower', re: /^[\u2170-\u217B]+\s*[、.．]?\s*/ },
  { style: 'latin-paren', re: /^[（(][a-zA-Z][）)]\s*/ },
  { style: 'latin-upper', re: /^[A-Z]\s*[、.．]\s*/ },
  { style: 'latin-lower', re: /^[a-z]\s*[、.．)）]\s*/ },
];

/** Numbering at the start of a title, or null when the text does not start with one. */
export function splitNumbering(text: string): NumberingMatch | null {
  const trimmed = text.trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(trimmed);
    if (!m) continue;
    const rest = trimmed.slice(m[0].length).trim();
    const style = typeof p.style === 'string' ? p.style : p.style(m);
    return { numbering: m[0].trim(), style, rest };
  }
  return null;
}

/**
 * The style of a whole 序号 cell, where punctuation is often left out (“1”, “一”, “1.2”).
 * Anything else short (“A1”, “★”) still counts as numbering of an unknown style.
 */
export function numberingCellStyle(cell: string): string | null {
  const text = cell.trim();
  if (!text) return null;
  const direct = splitNumbering(text);
  if (direct && direct.rest === '') return direct.style;
  const padded = splitNumbering(`${text}、`);
  if (padded && padded.rest === '') return padded.style;
  return text.length <= 8 ? 'other' : null;
}

/**
 * Levels by first appearance, the way an outline is read: the first style seen is level 0,
 * a new style opens the next level, a known style returns to its level.
 */
export class StyleLevels {
  private readonly order = new Map<string, number>();

  levelOf(style: string): number {
    let level = this.order.get(style);
    if (level === undefined) {
      level = this.order.size;
      this.order.set(style, level);
    }
    return level;
  }

  /** The deepest level handed out so far (-1 before any). */
  get deepest(): number {
    return this.order.size - 1;
  }
}
