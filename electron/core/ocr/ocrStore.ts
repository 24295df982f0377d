import type { Db } from '../archive/database';
import type { OcrState } from '../../../shared/domain';
import { clip } from '../extract/limits';

/** A PDF page whose text layer holds fewer characters than this is a scan (a stamp's date, a page number). */
export const MIN_LAYER_CHARS_PER_PAGE = 10;

/** A line read by OCR, its box in fractions of the page (0–1, from the top left). */
export interface OcrPageLine {
  t: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether a file just stored waits for OCR: a PDF whose text layer is next to empty (a scan). */
export function ocrStateAtImport(mediaType: string, pageCount: number | null, encrypted: boolean, layerText: string | null): OcrState {
  if (mediaType !== 'application/pdf' || encrypted || !pageCount || layerText === null) return 'none';
  return layerText.trim().length < MIN_LAYER_CHARS_PER_PAGE * pageCount ? 'pending' : 'none';
}

export interface PendingBlob {
  sha256: string;
  mediaType: string;
  title: string;
}

/** What waits for OCR, oldest first, with a title to report it by. */
export function pendingBlobs(db: Db): PendingBlob[] {
  return db
    .prepare(
      `SELECT b.sha256 AS sha256, b.media_type AS mediaType,
         (SELECT m.title FROM material m WHERE m.sha256 = b.sha256 ORDER BY m.trashed_at IS NOT NULL, m.id LIMIT 1) AS title
       FROM blob b WHERE b.ocr_state = 'pending' ORDER BY b.created_at, b.sha256`,
    )
    .all() as PendingBlob[];
}

export function pendingCount(db: Db): number {
  return db.prepare("SELECT count(*) FROM blob WHERE ocr_state = 'pending'").pluck().get() as number;
}

/** A claim lapses after this without renewal (a process that died while reading). */
export const CLAIM_MS = 120_000;

/**
 * The next pending content no other process is reading, claimed for this one; null when none.
 * One statement, so two processes never take the same.
 */
export function claimNext(db: Db, now = Date.now()): PendingBlob | null {
  const row = db
    .prepare(
      `UPDATE blob SET ocr_claimed_until = @until
       WHERE sha256 = (SELECT sha256 FROM blob WHERE ocr_state = 'pending' AND ocr_claimed_until < @now ORDER BY created_at, sha256 LIMIT 1)
       RETURNING sha256, media_type AS mediaType,
         (SELECT m.title FROM material m WHERE m.sha256 = blob.sha256 ORDER BY m.trashed_at IS NOT NULL, m.id LIMIT 1) AS title`,
    )
    .get({ now, until: now + CLAIM_MS }) as PendingBlob | undefined;
  return row ?? null;
}

export function renewClaim(db: Db, sha256: string): void {
  db.prepare('UPDATE blob SET ocr_claimed_until = ? WHERE sha256 = ?').run(Date.now() + CLAIM_MS, sha256);
}

export function releaseClaim(db: Db, sha256: string): void {
  db.prepare('UPDATE blob SET ocr_claimed_until = 0 WHERE sha256 = ?').run(sha256);
}

/** Pending content another process is reading now. */
export function claimedElsewhere(db: Db, now = Date.now()): number {
  return db.prepare("SELECT count(*) FROM blob WHERE ocr_state = 'pending' AND ocr_claimed_until >= ?").pluck().get(now) as number;
}

export function pagesRead(db: Db, sha256: string): Set<number> {
  return new Set(db.prepare('SELECT page FROM blob_ocr_page WHERE sha256 = ?').pluck().all(sha256) as number[]);
}

/** One page, saved as soon as it is read: a restart goes on from the next. */
export function savePage(db: Db, sha256: string, page: number, lines: OcrPageLine[]): void {
  const text = lines.map((l) => l.t).join('\n');
  db.prepare('INSERT OR REPLACE INTO blob_ocr_page (sha256, page, text, lines) VALUES (?, ?, ?, ?)').run(sha256, page, text, JSON.stringify(lines));
}

/**
 * Done: the pages' text joins the file's own text layer in body_text, which marks its
 * materials for the search index (migration 7's trigger), as any text change does.
 */
export function finishBlob(db: Db, sha256: string): void {
  db.transaction(() => {
    const pages = db.prepare('SELECT page, text FROM blob_ocr_page WHERE sha256 = ? ORDER BY page').all(sha256) as { page: number; text: string }[];
    const layer = db.prepare('SELECT coalesce(layer_text, body_text, \'\') FROM blob WHERE sha256 = ?').pluck().get(sha256) as string;
    const text = clip([layer.trim(), ...pages.map((p) => p.text)].filter(Boolean).join('\n'));
    db.prepare("UPDATE blob SET layer_text = ?, body_text = ?, ocr_state = 'done', ocr_error = '', ocr_claimed_until = 0 WHERE sha256 = ?").run(layer, text, sha256);
  })();
}

export function failBlob(db: Db, sha256: string, reason: string): void {
  db.prepare("UPDATE blob SET ocr_state = 'failed', ocr_error = ?, ocr_claimed_until = 0 WHERE sha256 = ?").run(reason, sha256);
}

/** The pages (1-based) of this content that were read by OCR. */
export function ocrPageNumbers(db: Db, sha256: string): number[] {
  return db.prepare("SELECT page FROM blob_ocr_page WHERE sha256 = ? AND text <> '' ORDER BY page").pluck().all(sha256) as number[];
}

/** The lines read on each OCR'd page, for the packet's text layer. */
export function ocrLines(db: Db, sha256: string): Map<number, OcrPageLine[]> {
  const rows = db.prepare("SELECT page, lines FROM blob_ocr_page WHERE sha256 = ? AND text <> ''").all(sha256) as { page: number; lines: string }[];
  return new Map(rows.map((r) => [r.page, JSON.parse(r.lines) as OcrPageLine[]]));
}

/**
 * A photo marked as a document (or no longer): its content waits for OCR, or, when no material
 * marks it any more, its OCR text is taken off again.
 */
export function syncDocumentPhoto(db: Db, sha256: string): void {
  const marked = (db.prepare('SELECT count(*) FROM material WHERE sha256 = ? AND is_document = 1').pluck().get(sha256) as number) > 0;
  if (marked) {
    db.prepare("UPDATE blob SET ocr_state = 'pending', ocr_error = '' WHERE sha256 = ? AND ocr_state IN ('none', 'failed')").run(sha256);
    return;
  }
  db.prepare('DELETE FROM blob_ocr_page WHERE sha256 = ?').run(sha256);
  db.prepare(
    `UPDATE blob SET ocr_state = 'none', ocr_error = '', body_text = coalesce(layer_text, body_text), layer_text = NULL
     WHERE sha256 = ? AND media_type NOT LIKE 'application/pdf'`,
  ).run(sha256);
}

/** All text OCR read in these contents (for a font subset that can draw it). */
export function ocrTextOf(db: Db, sha256s: string[]): string {
  return (
    db
      .prepare("SELECT group_concat(text, '') FROM blob_ocr_page WHERE sha256 IN (SELECT value FROM json_each(?))")
      .pluck()
      .get(JSON.stringify([...new Set(sha256s)])) as string | null
  ) ?? '';
}
