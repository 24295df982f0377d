import type { Material, MaterialKind } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';

interface MaterialRow {
  id: number;
  dossier_id: number;
  kind: MaterialKind;
  sha256: string;
  original_name: string;
  title: string;
  responsible: string;
  doc_number: string;
  date: string;
  security_level: string;
  retention: string;
  pages: number | null;
  note: string;
  created_at: string;
  size: number;
  media_type: string;
  encrypted: number;
  thumbnail: number;
  indicator_ids: string | null;
}

const selectMaterial = `
  SELECT m.*, b.size, b.media_type, b.encrypted, b.thumbnail,
    (SELECT group_concat(mi.indicator_id) FROM material_indicator mi WHERE mi.material_id = m.id) AS indicator_ids
  FROM material m JOIN blob b ON b.sha256 = m.sha256`;

function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    kind: row.kind,
    title: row.title,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.media_type,
    originalName: row.original_name,
    responsible: row.responsible,
    docNumber: row.doc_number,
    date: row.date,
    securityLevel: row.security_level,
    retention: row.retention,
    pages: row.pages,
    note: row.note,
    mergeable: row.encrypted === 0,
    hasThumbnail: row.thumbnail === 1,
    indicatorIds: row.indicator_ids ? row.indicator_ids.split(',').map(Number).sort((a, b) => a - b) : [],
    createdAt: row.created_at,
  };
}

export function getMaterial(db: Db, id: number): Material {
  const row = db.prepare(`${selectMaterial} WHERE m.id = ?`).get(id) as MaterialRow | undefined;
  if (!row) throw new ApiError('not_found', `材料不存在（编号 ${id}）`);
  return toMaterial(row);
}

export function findMaterialBySha(db: Db, dossierId: number, sha256: string): Material | null {
  const row = db
    .prepare(`${selectMaterial} WHERE m.dossier_id = ? AND m.sha256 = ? AND m.trashed_at IS NULL ORDER BY m.id LIMIT 1`)
    .get(dossierId, sha256) as MaterialRow | undefined;
  return row ? toMaterial(row) : null;
}

/** Materials of a dossier in filing order; with an indicator, only those linked to it. */
export function listMaterials(db: Db, dossierId: number, indicatorId?: number): Material[] {
  const rows =
    indicatorId === undefined
      ? db.prepare(`${selectMaterial} WHERE m.dossier_id = ? AND m.trashed_at IS NULL ORDER BY m.id`).all(dossierId)
      : db
          .prepare(
            `${selectMaterial} JOIN material_indicator l ON l.material_id = m.id
             WHERE m.dossier_id = ? AND l.indicator_id = ? AND m.trashed_at IS NULL
             ORDER BY l.position, m.id`,
          )
          .all(dossierId, indicatorId);
  return (rows as MaterialRow[]).map(toMaterial);
}

export function listMaterialsByIds(db: Db, ids: number[]): Material[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`${selectMaterial} WHERE m.id IN (SELECT value FROM json_each(?)) AND m.trashed_at IS NULL`)
    .all(JSON.stringify(ids)) as MaterialRow[];
  const byId = new Map(rows.map((r) => [r.id, toMaterial(r)]));
  return ids.map((id) => byId.get(id)).filter((m): m is Material => m !== undefined);
}

/** Keep the search index in step with a material's text fields (call inside the same transaction). */
export function reindexMaterial(db: Db, id: number): void {
  const m = getMaterial(db, id);
  const body = (db.prepare('SELECT body_text FROM blob WHERE sha256 = ?').get(m.sha256) as { body_text: string }).body_text;
  const meta = [m.originalName, m.responsible, m.docNumber, m.date, m.note].filter(Boolean).join(' ');
  db.prepare('DELETE FROM material_fts WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO material_fts (rowid, title, meta, body) VALUES (?, ?, ?, ?)').run(id, m.title, meta, body);
}
