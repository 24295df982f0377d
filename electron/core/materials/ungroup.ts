import type { Material } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { titleFromFileName } from './prefill';
import { getLiveMaterial, getMaterial } from './repo';
import { nextMaterialId } from './materialIds';

/** A photo as it was when folded into the group, read back from its own audit entry. */
interface FoldedPhoto {
  id: number;
  title: string | null;
  date: string | null;
  photoTime: string | null;
  createdAt: string | null;
}

/**
 * The photo materials this group was made of, by file. Older entries did not record the file;
 * the photo's `add` entry did.
 */
function foldedPhotos(db: Db, groupId: number): Map<string, FoldedPhoto> {
  const rows = db
    .prepare(
      `SELECT CAST(g.entity_id AS INTEGER) AS id,
         coalesce(json_extract(g.detail, '$.sha256'),
           (SELECT json_extract(a.detail, '$.sha256') FROM audit_log a
            WHERE a.entity = 'material' AND a.entity_id = g.entity_id AND a.action = 'add')) AS sha256,
         json_extract(g.detail, '$.title') AS title, json_extract(g.detail, '$.date') AS date,
         json_extract(g.detail, '$.photoTime') AS photoTime, json_extract(g.detail, '$.createdAt') AS createdAt
       FROM audit_log g
       WHERE g.entity = 'material' AND g.action = 'group' AND json_extract(g.detail, '$.groupId') = ?
       ORDER BY g.id`,
    )
    .all(groupId) as (FoldedPhoto & { sha256: string | null })[];
  return new Map(rows.filter((r) => r.sha256).map((r) => [r.sha256!, r]));
}

/**
 * Split a 组照 back into single photo materials, in the group's order. Each photo comes back
 * under its old number when it has one (grouping deleted its row but kept its history, and a
 * number once used is never given to another material: see materialIds.ts), with its own title
 * and time; the group's other DA/T 22/50 fields and indicator links are copied, and its
 * caption becomes the 说明.
 * The group itself is removed, as the photos were when grouped: in the 回收站 it could be
 * restored next to its own photos and file them twice. Its history stays under its number.
 */
export function ungroupPhotos(db: Db, materialId: number): Material[] {
  const ids = db.transaction(() => {
    const group = getLiveMaterial(db, materialId);
    if (group.kind !== 'photo_group') throw new ApiError('conflict', `材料《${group.title}》不是组照`);
    const folded = foldedPhotos(db, group.id);
    const links = db
      .prepare('SELECT indicator_id, position FROM material_indicator WHERE material_id = ? ORDER BY indicator_id')
      .all(group.id) as { indicator_id: number; position: number }[];
    const codes = (
      db
        .prepare(
          `SELECT i.code FROM material_indicator l JOIN indicator i ON i.id = l.indicator_id
           WHERE l.material_id = ? ORDER BY i.position`,
        )
        .all(group.id) as { code: string }[]
    ).map((r) => r.code);
    const taken = db.prepare('SELECT 1 FROM material WHERE id = ?');
    const pagesOf = db.prepare('SELECT page_count FROM blob WHERE sha256 = ?');
    const insert = db.prepare(
      `INSERT INTO material (id, dossier_id, kind, sha256, original_name, title, responsible, doc_number, date,
         security_level, retention, pages, note, photo_time, place, people, photographer, description,
         created_at, updated_at)
       VALUES (?, ?, 'photo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = db.prepare('INSERT INTO material_indicator (material_id, indicator_id, position) VALUES (?, ?, ?)');
    const now = new Date().toISOString();
    const filed = codes.length ? `，归入指标 ${codes.join('、')}` : '';

    const ids = group.photos.map((p) => {
      const was = folded.get(p.sha256);
      const photoId = was && !taken.get(was.id) ? was.id : nextMaterialId(db);
      const pages = (pagesOf.get(p.sha256) as { page_count: number | null } | undefined)?.page_count ?? null;
      const info = insert.run(
        photoId,
        group.dossierId,
        p.sha256,
        p.originalName,
        was?.title || titleFromFileName(p.originalName),
        group.responsible,
        group.docNumber,
        was?.date ?? group.date,
        group.securityLevel,
        group.retention,
        pages,
        group.note,
        was?.photoTime ?? group.photoTime,
        group.place,
        group.people,
        group.photographer,
        p.caption,
        was?.createdAt ?? now,
        now,
      );
      const id = Number(info.lastInsertRowid);
      for (const l of links) link.run(id, l.indicator_id, l.position);
      audit(db, 'ungroup', 'material', id, { message: `从组照《${group.title}》（编号 ${group.id}）拆出${filed}`, groupId: group.id });
      return id;
    });

    db.prepare('DELETE FROM material WHERE id = ?').run(group.id);
    audit(db, 'ungroup', 'material', group.id, {
      message: `拆分为 ${ids.length} 张照片（编号 ${ids.join('、')}）`,
      title: group.title,
      to: ids,
    });
    return ids;
  })();
  return ids.map((id) => getMaterial(db, id));
}
