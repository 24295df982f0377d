/**
 * A material's searchable metadata as one line, as an SQL expression over `m` (material): the
 * index is built from it, materials waiting for the index are scanned with it and snippets are
 * cut from it, so all three see the same text.
 */
export const MATERIAL_META_SQL = `concat_ws(' ',
  nullif(m.original_name, ''), nullif(m.responsible, ''), nullif(m.doc_number, ''), nullif(m.date, ''),
  nullif(m.note, ''), nullif(m.photo_time, ''), nullif(m.place, ''), nullif(m.people, ''),
  nullif(m.photographer, ''), nullif(m.description, ''),
  (SELECT group_concat(nullif(p.caption, ''), ' ' ORDER BY p.position) FROM material_photo p WHERE p.material_id = m.id))`;
