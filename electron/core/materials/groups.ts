import type { Material } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getLiveMaterial, getMaterial } from './repo';
import { nextMaterialId } from './materialIds';

/**
 * File several photos as one 组照 (DA/T 50): a new `photo_group` material whose photos are rows
 * of `material_photo` in order; the group takes the union of their indicator links. The single
 * photo materials are folded into it (their audit history stays under their old ids, and
 * `ungroupPhotos` brings them back from it).
 */
export function groupPhotos(db: Db, dossierId: number, materialIds: number[], title?: string): Material {
  const id = db.transaction(() => {
    const photos = materialIds.map((mid) => getLiveMaterial(db, mid));
    for (const p of photos) {
      if (p.dossierId !== dossierId) throw new ApiError('conflict', `照片《${p.title}》不属于此档案`);
      if (p.kind !== 'photo') throw new ApiError('bad_input', `《${p.title}》不是单张照片，不能组成组照`);
    }
    if (new Set(photos.map((p) => p.sha256)).size !== photos.length) {
      throw new ApiError('bad_input', '组照中有重复的照片');
    }
    const groupId = insertGroup(db, dossierId, photos.map((p) => ({ sha256: p.sha256, originalName: p.originalName, caption: p.description })), {
      ...photos[0],
      title: title?.trim() || photos[0].title,
    });
    const links = db.prepare(
      `INSERT OR IGNORE INTO material_indicator (material_id, indicator_id, position)
       SELECT ?, indicator_id, position FROM material_indicator WHERE material_id = ?`,
    );
    for (const p of photos) {
      links.run(groupId, p.id);
      db.prepare('DELETE FROM material WHERE id = ?').run(p.id);
      // What only this photo knew, so that 拆分组照 can bring it back under the same number.
      audit(db, 'group', 'material', p.id, {
        message: `并入组照（编号 ${groupId}）`,
        groupId,
        sha256: p.sha256,
        title: p.title,
        date: p.date,
        photoTime: p.photoTime,
        createdAt: p.createdAt,
      });
    }
    audit(db, 'group', 'material', groupId, { message: `由 ${photos.length} 张照片组成`, from: materialIds });
    return groupId;
  })();
  return getMaterial(db, id);
}

type GroupHead = Pick<Material, 'title' | 'date' | 'photoTime' | 'place' | 'people' | 'photographer' | 'description'>;

/**
 * The rows of a new 组照 over photos already in the store (each `sha256` has its blob row), in
 * order, its fields from `head`. The caller decides what becomes of the photos' own materials.
 */
export function insertGroup(db: Db, dossierId: number, photos: { sha256: string; originalName: string; caption: string }[], head: GroupHead): number {
  const now = new Date().toISOString();
  const info = db
    .prepare(
      `INSERT INTO material (id, dossier_id, kind, sha256, original_name, title, date, pages, photo_time, place, people,
         photographer, description, created_at, updated_at)
       VALUES (?, ?, 'photo_group', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(nextMaterialId(db), dossierId, photos[0].sha256, photos[0].originalName, head.title, head.date, photos.length, head.photoTime, head.place, head.people, head.photographer, head.description, now, now);
  const groupId = Number(info.lastInsertRowid);
  const insertPhoto = db.prepare('INSERT INTO material_photo (material_id, position, sha256, original_name, caption) VALUES (?, ?, ?, ?, ?)');
  photos.forEach((p, i) => insertPhoto.run(groupId, i + 1, p.sha256, p.originalName, p.caption));
  return groupId;
}

/** Reorder a 组照 and set captions: the same photos, in the new order. */
export function updateGroup(db: Db, materialId: number, photos: { sha256: string; caption: string }[]): Material {
  db.transaction(() => {
    const group = getLiveMaterial(db, materialId);
    if (group.kind !== 'photo_group') throw new ApiError('conflict', `材料《${group.title}》不是组照`);
    const current = group.photos.map((p) => p.sha256).sort();
    const next = photos.map((p) => p.sha256).sort();
    if (current.length !== next.length || current.some((sha, i) => sha !== next[i])) {
      throw new ApiError('bad_input', '调整组照时照片必须与原组照相同（只能调整顺序和说明）');
    }
    const names = new Map(group.photos.map((p) => [p.sha256, p.originalName]));
    db.prepare('DELETE FROM material_photo WHERE material_id = ?').run(materialId);
    const insert = db.prepare(
      'INSERT INTO material_photo (material_id, position, sha256, original_name, caption) VALUES (?, ?, ?, ?, ?)',
    );
    photos.forEach((p, i) => insert.run(materialId, i + 1, p.sha256, names.get(p.sha256) ?? '', p.caption));
    db.prepare('UPDATE material SET sha256 = ?, original_name = ?, updated_at = ? WHERE id = ?').run(
      photos[0].sha256,
      names.get(photos[0].sha256) ?? '',
      new Date().toISOString(),
      materialId,
    );
    audit(db, 'group_update', 'material', materialId, { message: '调整照片顺序和说明' });
  })();
  return getMaterial(db, materialId);
}
