/** Extracted text kept per file for search: enough for any real document, bounded for a huge one. */
export const MAX_TEXT_CHARS = 500_000;

export function clip(text: string): string {
  const tidy = text.replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return tidy.length > MAX_TEXT_CHARS ? tidy.slice(0, MAX_TEXT_CHARS) : tidy;
}
