import { defaultOnlineCategory, type GroupPhoto, type Material, type MaterialKind, type MediaInfo, type OcrState, type OnlineCategory, type PhotoExif } from '../../../shared/domain';
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
  photo_time: string;
  place: string;
  people: string;
  photographer: string;
  description: string;
  trashed_at: string | null;
  item_number: number | null;
  archival_code: string;
  created_at: string;
  updated_at: string;
  size: number;
  media_type: string;
  encrypted: number;
  thumbnail: number;
  exif: string;
  media: string;
  indicator_ids: string | null;
  online_category: string | null;
  ocr_state: OcrState;
  ocr_error: string;
  ocr_pages: string | null;
  is_document: number;
}

const selectMaterial = `
  SELECT m.*, b.size, b.media_type, b.encrypted, b.thumbnail, b.exif, b.media, b.ocr_state, b.ocr_error,
    (SELECT group_concat(o.page) FROM blob_ocr_page o WHERE o.sha256 = m.sha256 AND o.text <> '') AS ocr_pages,
    (SELECT group_concat(mi.indicator_id) FROM material_indicator mi WHERE mi.material_id = m.id) AS indicator_ids,
    (SELECT oc.category FROM material_online_category oc WHERE oc.material_id = m.id) AS online_category
  FROM material m JOIN blob b ON b.sha256 = m.sha256`;

function parseExif(text: string): PhotoExif | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PhotoExif;
  } catch {
    return null;
  }
}

function groupPhotos(db: Db, materialId: number): GroupPhoto[] {
  const rows = db
    .prepare(
      `SELECT p.sha256, p.caption, p.original_name, b.width, b.height, b.exif
       FROM material_photo p JOIN blob b ON b.sha256 = p.sha256
       WHERE p.material_id = ? ORDER BY p.position`,
    )
    .all(materialId) as { sha256: string; caption: string; original_name: string; width: number | null; height: number | null; exif: string }[];
  return rows.map((r) => ({
    sha256: r.sha256,
    caption: r.caption,
    originalName: r.original_name,
    width: r.width,
    height: r.height,
    takenAt: parseExif(r.exif)?.takenAt ?? null,
  }));
}

function toMaterial(db: Db, row: MaterialRow): Material {
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
    photoTime: row.photo_time,
    place: row.place,
    people: row.people,
    photographer: row.photographer,
    description: row.description,
    exif: parseExif(row.exif),
    media: row.media ? (JSON.parse(row.media) as MediaInfo) : null,
    mergeable: row.encrypted === 0,
    hasThumbnail: row.thumbnail === 1,
    indicatorIds: row.indicator_ids ? row.indicator_ids.split(',').map(Number).sort((a, b) => a - b) : [],
    photos: row.kind === 'photo_group' ? groupPhotos(db, row.id) : [],
    itemNumber: row.item_number,
    archivalCode: row.archival_code,
    onlineCategory: (row.online_category as OnlineCategory | null) ?? defaultOnlineCategory({ kind: row.kind, mediaType: row.media_type }),
    onlineCategorySet: row.online_category !== null,
    ocr: row.ocr_state,
    ocrError: row.ocr_error,
    ocrPages: row.ocr_pages ? row.ocr_pages.split(',').map(Number).sort((a, b) => a - b) : [],
    isDocument: row.is_document === 1,
    trashedAt: row.trashed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Any material, also one in the 回收站. */
export function getMaterial(db: Db, id: number): Material {
  const row = db.prepare(`${selectMaterial} WHERE m.id = ?`).get(id) as MaterialRow | undefined;
  if (!row) throw new ApiError('not_found', `材料不存在（编号 ${id}）`);
  return toMaterial(db, row);
}

/** A material the clerk may work on: it exists and is not in the 回收站. */
export function getLiveMaterial(db: Db, id: number): Material {
  const m = getMaterial(db, id);
  if (m.trashedAt) throw new ApiError('conflict', `材料《${m.title}》在回收站中，请先还原`);
  return m;
}

/** A live material of the dossier holding this content (a single file; groups hold several). */
export function findMaterialBySha(db: Db, dossierId: number, sha256: string): Material | null {
  const row = db
    .prepare(
      `${selectMaterial} WHERE m.dossier_id = ? AND m.sha256 = ? AND m.trashed_at IS NULL AND m.kind != 'photo_group'
       ORDER BY m.id LIMIT 1`,
    )
    .get(dossierId, sha256) as MaterialRow | undefined;
  return row ? toMaterial(db, row) : null;
}

export function listTrashed(db: Db, dossierId: number): Material[] {
  const rows = db
    .prepare(`${selectMaterial} WHERE m.dossier_id = ? AND m.trashed_at IS NOT NULL ORDER BY m.trashed_at DESC, m.id`)
    .all(dossierId) as MaterialRow[];
  return rows.map((r) => toMaterial(db, r));
}

export function listMaterialsByIds(db: Db, ids: number[]): Material[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`${selectMaterial} WHERE m.id IN (SELECT value FROM json_each(?)) AND m.trashed_at IS NULL`)
    .all(JSON.stringify(ids)) as MaterialRow[];
  const byId = new Map(rows.map((r) => [r.id, toMaterial(db, r)]));
  return ids.map((id) => byId.get(id)).filter((m): m is Material => m !== undefined);
}
