import path from 'node:path';

/** Title from a file name: the name without extension, as the clerk named it. */
export function titleFromFileName(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  return (ext ? base.slice(0, -ext.length) : base).trim() || base;
}

/**
 * A date written in the file name (20231105, 2023-11-05, 2023.11.5, 2023年11月5日) as the
 * DA/T 22 eight-digit form. Never invented: no match, no date.
 */
export function dateFromFileName(file: string): string {
  const name = path.basename(file);
  const patterns = [
    /(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/,
    /(?<!\d)((?:19|20)\d{2})[-._](\d{1,2})[-._](\d{1,2})(?!\d)/,
    /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/,
  ];
  for (const re of patterns) {
    const m = re.exec(name);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1) continue;
    return `${y}${String(mo).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  }
  return '';
}
