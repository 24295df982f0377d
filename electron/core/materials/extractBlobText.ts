import type { Archive } from '../archive/archive';
import { extractText, hasTextReader } from '../extract/extractText';
import { reindexBlob } from './repo';

/**
 * Text kept for search per file. Enough for any document a clerk files (about 200 pages of
 * Chinese); a huge log or data dump would otherwise bloat the trigram index and every backup.
 */
export const MAX_INDEXED_CHARS = 200_000;

/**
 * Read a stored file's text for search once per blob. A file whose text cannot be read stays a
 * valid material (it opened as its format); it is only not searchable by content.
 */
export async function extractBlobText(archive: Archive, sha256: string, mediaType: string): Promise<void> {
  const { db } = archive;
  if (!hasTextReader(mediaType)) return;
  const row = db.prepare('SELECT text_state FROM blob WHERE sha256 = ?').get(sha256) as { text_state: string } | undefined;
  if (!row || row.text_state === 'done') return;
  let text = '';
  let state = 'done';
  try {
    text = (await extractText(archive.store.pathFor(sha256), mediaType)).slice(0, MAX_INDEXED_CHARS);
  } catch {
    state = 'failed';
  }
  db.transaction(() => {
    db.prepare('UPDATE blob SET body_text = ?, text_state = ? WHERE sha256 = ?').run(text, state, sha256);
    reindexBlob(db, sha256);
  })();
}
