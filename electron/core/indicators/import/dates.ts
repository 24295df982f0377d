/**
 * A 完成时限 cell as 年-月-日: “2025-06-30”, “2025/6/30”, “2025.6.30”, “2025年6月30日”, or an Excel
 * date as read. '' when the cell holds no full date (“6月底前”, “长期”).
 */
export function dateOf(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:前|之前)?$/.exec(text.normalize('NFKC').trim());
  if (!m) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '';
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
