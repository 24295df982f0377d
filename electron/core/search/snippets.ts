import type { Material, SearchHit } from '../../../shared/domain';
import type { Db } from '../archive/database';

/**
 * The fields the metadata index is built from (metaText.ts), each with the name the clerk knows
 * it by: a match in them is shown as “责任者：…王芳…”, not as the index's one run-on line. A 会议纪要's
 * file name is the app's own JSON: not shown.
 */
const MATERIAL_FIELDS_SQL = `json_array(
  json_array('文件名', iif(m.kind = 'minutes', NULL, m.original_name)), json_array('责任者', m.responsible),
  json_array('文号', m.doc_number), json_array('日期', m.date), json_array('备注', m.note),
  json_array('拍摄时间', m.photo_time), json_array('地点', m.place), json_array('人物', m.people),
  json_array('摄影者', m.photographer), json_array('说明', m.description),
  json_array('照片说明', (SELECT group_concat(nullif(p.caption, ''), '；' ORDER BY p.position) FROM material_photo p WHERE p.material_id = m.id)))`;

const BEFORE = 24;
const LENGTH = 80;

type Snippet = Pick<SearchHit, 'snippet' | 'snippetSource'>;

/** Where the cut around a match at `at` (0-based) starts. */
const cutStart = (at: number) => Math.max(0, at - BEFORE);

/** A cut of a text, starting at `start` of `length`, on one line, with … where it was cut. */
function marked(cut: string, start: number, length: number): string {
  return `${start > 0 ? '…' : ''}${cut.replace(/\s+/g, ' ')}${start + LENGTH < length ? '…' : ''}`;
}

/** “字段：…match…” from the first field holding the match; null when none does. */
export function fieldSnippet(fields: readonly [string, string | null][], needle: string): string | null {
  for (const [label, raw] of fields) {
    if (!raw) continue;
    const value = label === '日期' ? raw.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') : raw;
    const at = lowerAscii(value).indexOf(needle);
    // An eight-digit date matches as stored (20230615) but is shown as the clerk reads it.
    if (at < 0 && !lowerAscii(raw).includes(needle)) continue;
    const start = at < 0 ? 0 : cutStart(at);
    return `${label}：${marked(value.slice(start, start + LENGTH), start, value.length)}`;
  }
  return null;
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
         SELECT m.id AS id, b.body_text AS body, length(b.body_text) AS len, ${MATERIAL_FIELDS_SQL} AS meta,
           instr(${folded ? 'lower(b.body_text)' : 'b.body_text'}, @q) AS at
         FROM material m LEFT JOIN blob b ON b.sha256 = m.sha256 WHERE m.id IN (SELECT value FROM json_each(@ids)))`,
    )
    .all({ q: needle, ids: JSON.stringify(materials.map((m) => m.id)) }) as { id: number; at: number | null; len: number; cut: string; meta: string | null }[];
  for (const r of rows) {
    if (r.at) {
      out.set(r.id, { snippet: marked(r.cut, cutStart(r.at - 1), r.len), snippetSource: 'body' });
      continue;
    }
    const found = fieldSnippet(JSON.parse(r.meta ?? '[]') as [string, string | null][], needle);
    out.set(r.id, found ? { snippet: found, snippetSource: 'meta' } : { snippet: '', snippetSource: '' });
  }
  return out;
}
