// Dates as clerks write them, read into DA/T 22's eight digits (20230615). One reader for the
// forms, the contract's schemas and the CLI, so every transport accepts the same writings.

/** How a clerk may write a date, for hints and messages. */
export const clerkDateHint = '可写作 2023-06-15、2023.6.15、2023年6月15日 或 20230615';

// 2023-06-15, 2023.6.15, 2023/6/15, 2023 6 15, 2023年6月15日 (日 optional).
const separated = /^(\d{4})\s*(?:[-./\s]|年)\s*(\d{1,2})\s*(?:[-./\s]|月)\s*(\d{1,2})\s*日?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;

/** Full-width digits and punctuation (２０２３．６．１５) as an IME types them. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * The eight digits of a date a clerk typed; '' for nothing typed; null when it is no date
 * (unknown writing, or a day the calendar has not: 2023-02-30).
 */
export function parseClerkDate(input: string): string | null {
  const text = halfWidth(input).trim();
  if (text === '') return '';
  const m = compact.exec(text) ?? separated.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${m[1]}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}
