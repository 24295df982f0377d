/** Extracted text kept per file for search: enough for any real document, bounded for a huge one. */
export const MAX_TEXT_CHARS = 500_000;

export function clip(text: string): string {
  const tidy = text.replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return tidy.length > MAX_TEXT_CHARS ? tidy.slice(0, MAX_TEXT_CHARS) : tidy;
}

/**
 * Text kept for search per file. Enough for any document a clerk files (about 200 pages of
 * Chinese); a huge log or data dump would otherwise bloat the search index and every backup.
 */
export const MAX_INDEXED_CHARS = 200_000;
