import fs from 'node:fs/promises';
import path from 'node:path';
import type { PhotoExif } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { docxTitles } from '../extract/docx';

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
  return dateFromText(path.basename(file));
}

/** The first real date written in a text, as eight digits; '' when there is none. */
export function dateFromText(name: string): string {
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

export interface Prefill {
  title: string;
  date: string;
  photoTime: string;
}

export interface PrefillSources {
  /** From the file itself: PDF Info title, DOCX core title or first heading. */
  contentTitle: string;
  exif: PhotoExif | null;
}

/**
 * What the file says about itself, never invented: the title it carries (else its name), a
 * date in its name (else the date the photo was taken), and the EXIF time for photos.
 */
export function prefill(file: string, sources: PrefillSources): Prefill {
  const taken = sources.exif?.takenAt ?? '';
  const takenDate = taken ? taken.slice(0, 10).replaceAll('-', '') : '';
  return {
    title: sources.contentTitle || titleFromFileName(file),
    date: dateFromFileName(file) || takenDate,
    photoTime: taken ? taken.slice(0, 16) : '',
  };
}

/** A DOCX's own title: docProps title, else its first heading. */
export async function docxContentTitle(file: string): Promise<string> {
  try {
    const { coreTitle, firstHeading } = await docxTitles(await fs.readFile(file));
    return coreTitle || firstHeading;
  } catch (err) {
    if (err instanceof ApiError) throw err; // a named refusal (a DTD, a bomb) keeps its reason
    throw new ApiError('bad_input', 'Word 文档已损坏或不完整，无法打开');
  }
}
