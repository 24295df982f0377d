import type { SearchHit } from '../../../shared/domain';
import type { Db } from '../archive/database';

const BEFORE = 24;
const LENGTH = 80;

/**
 * Text around the first match, from the file's content first, else its metadata. Computed in
 * SQL so that a long extracted text is never copied out whole. ASCII matches ignore case, as
 * the trigram index does.
 */
export function snippetsFor(db: Db, ids: number[], query: string): Map<number, Pick<SearchHit, 'snippet' | 'snippetSource'>> {
  const out = new Map<number, Pick<SearchHit, 'snippet' | 'snippetSource'>>();
  if (!query || ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT rowid AS id,
         instr(lower(body), lower(@q)) AS bodyAt, instr(lower(meta), lower(@q)) AS metaAt,
         length(body) AS bodyLen, length(meta) AS metaLen,
         substr(body, max(1, instr(lower(body), lower(@q)) - ${BEFORE}), ${LENGTH}) AS bodyCut,
         substr(meta, max(1, instr(lower(meta), lower(@q)) - ${BEFORE}), ${LENGTH}) AS metaCut
       FROM material_fts WHERE rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ q: query, ids: JSON.stringify(ids) }) as {
    id: number;
    bodyAt: number;
    metaAt: number;
    bodyLen: number;
    metaLen: number;
    bodyCut: string;
    metaCut: string;
  }[];
  for (const r of rows) {
    const [at, len, cut, source] =
      r.bodyAt > 0 ? [r.bodyAt, r.bodyLen, r.bodyCut, 'body' as const] : r.metaAt > 0 ? [r.metaAt, r.metaLen, r.metaCut, 'meta' as const] : [0, 0, '', '' as const];
    if (!source) {
      out.set(r.id, { snippet: '', snippetSource: '' });
      continue;
    }
    const start = Math.max(1, at - BEFORE);
    const text = cut.replace(/\s+/g, ' ');
    out.set(r.id, { snippet: `${start > 1 ? '…' : ''}${text}${start + LENGTH - 1 < len ? '…' : ''}`, snippetSource: source });
  }
  return out;
}
