/**
 * A material's date as facet tokens, and a date range as the tokens that cover it exactly. A
 * real calendar date D gets `c`(century) `e`(decade) `y` `m` `t`(day) tokens; a range is the
 * fewest whole centuries, decades, years, months and days between its ends, so an open range is
 * some 200 tokens at most. The filter compares 8-digit strings (filters.ts); dates that are not
 * real (a typo such as 20241301) are `tother` and left to that comparison.
 */

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const ODD_DATE_TOKEN = 'tother';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const key = (t: Ymd) => t.y * 10000 + t.m * 100 + t.d;
const parse = (s: string): Ymd => ({ y: Number(s.slice(0, 4)), m: Number(s.slice(4, 6)), d: Number(s.slice(6, 8)) });
const isReal = (t: Ymd) => t.y >= 1 && t.m >= 1 && t.m <= 12 && t.d >= 1 && t.d <= daysIn(t.y, t.m);

function tokensOf(t: Ymd): string[] {
  return [`c${pad(Math.floor(t.y / 100), 2)}`, `e${pad(Math.floor(t.y / 10), 3)}`, `y${pad(t.y, 4)}`, `m${pad(t.y, 4)}${pad(t.m, 2)}`, `t${pad(t.y, 4)}${pad(t.m, 2)}${pad(t.d, 2)}`];
}

export function dateFacetTokens(date: string): string[] {
  if (!/^\d{8}$/.test(date)) return [];
  const t = parse(date);
  return isReal(t) ? tokensOf(t) : [ODD_DATE_TOKEN];
}

/** The first real date not before `s` in string order (null: none up to 9999). */
function realFrom(s: string): Ymd | null {
  const t = parse(s);
  if (t.y < 1) return { y: 1, m: 1, d: 1 };
  if (t.m < 1) return { y: t.y, m: 1, d: 1 };
  if (t.m > 12) return t.y < 9999 ? { y: t.y + 1, m: 1, d: 1 } : null;
  if (t.d < 1) return { y: t.y, m: t.m, d: 1 };
  if (t.d > daysIn(t.y, t.m)) return t.m < 12 ? { y: t.y, m: t.m + 1, d: 1 } : t.y < 9999 ? { y: t.y + 1, m: 1, d: 1 } : null;
  return t;
}

/** The last real date not after `s` in string order (null: none from year 1). */
function realTo(s: string): Ymd | null {
  const t = parse(s);
  const lastOfYearBefore = (y: number) => (y > 1 ? { y: y - 1, m: 12, d: 31 } : null);
  if (t.y < 1) return null;
  if (t.m < 1) return lastOfYearBefore(t.y);
  if (t.m > 12) return { y: t.y, m: 12, d: 31 };
  if (t.d < 1) return t.m > 1 ? { y: t.y, m: t.m - 1, d: daysIn(t.y, t.m - 1) } : lastOfYearBefore(t.y);
  if (t.d > daysIn(t.y, t.m)) return { y: t.y, m: t.m, d: daysIn(t.y, t.m) };
  return t;
}

/** The tokens whose materials have a real date in [from, to] (either end open). */
export function dateRangeTokens(from: string | undefined, to: string | undefined): string[] {
  const first = from ? realFrom(from) : { y: 1, m: 1, d: 1 };
  const last = to ? realTo(to) : { y: 9999, m: 12, d: 31 };
  if (!first || !last || key(first) > key(last)) return [];
  const end = key(last);
  const tokens: string[] = [];
  let at: Ymd | null = first;
  while (at && key(at) <= end) {
    const { y, m, d }: Ymd = at;
    const startOfYear = m === 1 && d === 1;
    const fits = (years: number) => key({ y: y + years - 1, m: 12, d: 31 }) <= end;
    if (startOfYear && y % 100 === 0 && fits(100)) {
      tokens.push(`c${pad(y / 100, 2)}`);
      at = y + 100 <= 9999 ? { y: y + 100, m: 1, d: 1 } : null;
    } else if (startOfYear && y % 10 === 0 && fits(10)) {
      tokens.push(`e${pad(y / 10, 3)}`);
      at = y + 10 <= 9999 ? { y: y + 10, m: 1, d: 1 } : null;
    } else if (startOfYear && fits(1)) {
      tokens.push(`y${pad(y, 4)}`);
      at = y < 9999 ? { y: y + 1, m: 1, d: 1 } : null;
    } else if (d === 1 && key({ y, m, d: daysIn(y, m) }) <= end) {
      tokens.push(`m${pad(y, 4)}${pad(m, 2)}`);
      at = m < 12 ? { y, m: m + 1, d: 1 } : y < 9999 ? { y: y + 1, m: 1, d: 1 } : null;
    } else {
      tokens.push(`t${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`);
      at = d < daysIn(y, m) ? { y, m, d: d + 1 } : m < 12 ? { y, m: m + 1, d: 1 } : y < 9999 ? { y: y + 1, m: 1, d: 1 } : null;
    }
  }
  return tokens;
}
