import type { Material, SearchHit } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { MATERIAL_META_SQL } from './metaText';

const BEFORE = 24;
const LENGTH = 80;

type Snippet = Pick<SearchHit, 'snippet' | 'snippetSource'>;

/** Where the cut around a match at `at` (0-based) starts. */
const cutStart = (at: number) => Math.max(0, at - BEFORE);

/** A cut of a text, starting at `start` of `length`, on one line, with … where it was cut. */
function marked(cut: string, start: number, length: number): string {
  return `${start > 0 ? '…' : ''}${cut.replace(/\s+/g, ' ')}${start + LENGTH < length ? '…' : ''}`;
}

/** ASCII letters ignore case, as the index does (searchTokens.ts); nothing else is folded. */
export const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Text around the first match, from the file's content first, else its metadata. The content's
 * cut is made in SQL so that a long extracted text is never copied out whole.
 */
export function snippetsFor(db: Db, materials: Material[], query: string): Map<number, Snippet> {
  const out = new Map<number, Snippet>();
  if (!query || materials.length === 0) return out;
  // Where the match is, found once per row; lower() copies the whole text, so only when the
  // query has letters whose case can differ.
  const folded = /[a-z]/i.test(query);
  const needle = lowerAscii(query);
  const rows = db
    .prepare(
      `SELECT id, at, len, iif(at > 0, substr(body, max(1, at - ${BEFORE}), ${LENGTH}), '') AS cut, meta FROM (
         SELECT m.id AS id, b.body_text AS body, length(b.body_text) AS len, ${MATERIAL_META_SQL} AS meta,
           instr(${folded ? 'lower(b.body_text)' : 'b.body_text'}, @q) AS at
         FROM material m LEFT JOIN blob b ON b.sha256 = m.sha256 WHERE m.id IN (SELECT value FROM json_each(@ids)))`,
    )
    .all({ q: needle, ids: JSON.stringify(materials.map((m) => m.id)) }) as { id: number; at: number | null; len: number; cut: string; meta: string | null }[];
  for (const r of rows) {
    if (r.at) {
      out.set(r.id, { snippet: marked(r.cut, cutStart(r.at - 1), r.len), snippetSource: 'body' });
      continue;
    }
    const meta = r.meta ?? '';
    const at = lowerAscii(meta).indexOf(needle);
    if (at < 0) {
      out.set(r.id, { snippet: '', snippetSource: '' });
      continue;
    }
    const start = cutStart(at);
    out.set(r.id, { snippet: marked(meta.slice(start, start + LENGTH), start, meta.length), snippetSource: 'meta' });
  }
  return out;
}
