/**
 * The tokens of the search index, computed here rather than by an SQLite tokenizer: every pair of
 * neighbouring characters (a bigram) for the word index, and every distinct character for the
 * character index. A query of n ≥ 2 characters is then the phrase of its n − 1 bigrams, which
 * matches exactly where the query is a substring, so two-character words (献血, 党建) are one
 * token lookup instead of a scan. The tables use FTS5's `ascii` tokenizer, which splits only on
 * ASCII punctuation and spaces; those characters are moved to the private use area first so that
 * they stay inside their tokens (“GB/T 9704” is found as written). ASCII letters are lowered, as
 * the snippets' `lower()` does; other characters are kept as they are.
 */

const PRIVATE_USE_BASE = 0xf700;

function searchChar(code: number): string {
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  if (code < 0x80 && !((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a))) {
    return String.fromCharCode(PRIVATE_USE_BASE + code);
  }
  return String.fromCodePoint(code);
}

/** The text's characters as the index sees them (code points, not UTF-16 halves). */
export function searchChars(text: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i += 1;
    chars.push(searchChar(code));
  }
  return chars;
}

/**
 * Every bigram in order, space-separated, and the last character alone, so that each character
 * of the text begins one token.
 */
export function bigramTokens(text: string): string {
  const chars = searchChars(text);
  if (chars.length === 0) return '';
  const tokens = new Array<string>(chars.length);
  for (let i = 0; i < chars.length - 1; i += 1) tokens[i] = chars[i] + chars[i + 1];
  tokens[chars.length - 1] = chars[chars.length - 1];
  return tokens.join(' ');
}

/** Each distinct character once: a one-character query is a token lookup. */
export function charTokens(text: string): string {
  return [...new Set(searchChars(text))].join(' ');
}

/**
 * The FTS5 expression for a query: the phrase of its bigrams (two or more characters) or its one
 * character, in the given columns. Tokens hold no ASCII punctuation, so no quoting is needed
 * beyond the phrase's own quotes.
 */
export function matchPhrase(chars: string[], columns: string): string {
  const tokens = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  return `{${columns}} : "${tokens.join(' ')}"`;
}
