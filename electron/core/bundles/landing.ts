// Step 2 of receiving a 报送包 (receive.ts): one new material's originals into the lead's store,
// through the same checks as adding files, named as the unit named them. A file becomes a
// material as when added by hand; a 会议纪要 is its form again; a 组照 is its photos stored one
// by one, then folded into one group, or refused whole (nothing of it stays) when one of them is.
import fs from 'node:fs/promises';
import path from 'node:path';
import { minutesFormSchema } from '../../../shared/api/materials';
import type { SubmittedMaterial } from '../../../shared/api/bundleFormat';
import type { Archive } from '../archive/archive';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { addMaterials } from '../materials/add';
import { removeBlobIfUnreferenced } from '../materials/blobCleanup';
import { insertGroup } from '../materials/groups';
import { saveMinutes } from '../materials/minutes';
import { findMaterialBySha, getMaterial } from '../materials/repo';

export type Landing = { id: number; duplicate: boolean } | { refused: string };

/** A 会议纪要's form is a few kilobytes; anything much larger is not one. */
const MAX_MINUTES_BYTES = 1024 * 1024;

export async function landMaterial(archive: Archive, dossierId: number, m: SubmittedMaterial, staged: Map<string, string>, folder: string): Promise<Landing> {
  if (m.kind === 'minutes') return landMinutes(archive, dossierId, m, staged.get(m.sha256)!);
  if (m.kind === 'photo_group') return landGroup(archive, dossierId, m, staged, folder);
  const added = await addNamed(archive, dossierId, staged.get(m.sha256)!, path.join(folder, '0'), m.originalName);
  return 'refused' in added ? added : { id: added.id, duplicate: !added.fresh };
}

async function addNamed(archive: Archive, dossierId: number, file: string, folder: string, name: string): Promise<{ id: number; fresh: boolean } | { refused: string }> {
  const named = path.join(folder, name);
  await fs.mkdir(folder, { recursive: true });
  await fs.link(file, named).catch(() => fs.copyFile(file, named));
  const report = await addMaterials(archive, { dossierId, paths: [named], indicatorIds: [] });
  const added = report.added[0]?.material;
  const duplicate = report.duplicates[0]?.material;
  if (added || duplicate) return { id: (added ?? duplicate)!.id, fresh: Boolean(added) };
  return { refused: report.failed[0]?.reason ?? '未能保存' };
}

async function landMinutes(archive: Archive, dossierId: number, m: SubmittedMaterial, file: string): Promise<Landing> {
  const same = existingCopy(archive.db, dossierId, m);
  if (same !== null) return { id: same, duplicate: true };
  const refused = { refused: '会议纪要的内容无法读取（不是本程序填写的会议纪要表单）' };
  if ((await fs.stat(file)).size > MAX_MINUTES_BYTES) return refused;
  let form: unknown;
  try {
    form = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return refused;
  }
  const parsed = minutesFormSchema.safeParse(form);
  if (!parsed.success) return refused;
  const saved = await saveMinutes(archive, { dossierId, form: parsed.data, indicatorIds: [] });
  return { id: saved.id, duplicate: false };
}

async function landGroup(archive: Archive, dossierId: number, m: SubmittedMaterial, staged: Map<string, string>, folder: string): Promise<Landing> {
  const photos = m.photos!;
  const { db } = archive;
  const same = existingCopy(db, dossierId, m);
  if (same !== null) return { id: same, duplicate: true };
  const fresh: number[] = [];
  for (const [i, p] of photos.entries()) {
    const added = await addNamed(archive, dossierId, staged.get(p.sha256)!, path.join(folder, String(i)), p.originalName);
    if ('refused' in added) {
      await discard(archive, fresh);
      return { refused: `组照中的第 ${i + 1} 张照片“${p.originalName}”：${added.refused}` };
    }
    if (added.fresh) fresh.push(added.id);
    if (getMaterial(db, added.id).kind !== 'photo') {
      await discard(archive, fresh);
      return { refused: `组照中的第 ${i + 1} 个文件“${p.originalName}”不是照片，组照未导入` };
    }
  }
  const id = db.transaction(() => {
    const groupId = insertGroup(db, dossierId, photos, m.fields);
    // The photos' own rows were made just now for this group: folded into it, as groupPhotos does.
    for (const photoId of fresh) {
      const sha256 = db.prepare('SELECT sha256 FROM material WHERE id = ?').pluck().get(photoId) as string;
      db.prepare('DELETE FROM material WHERE id = ?').run(photoId);
      audit(db, 'group', 'material', photoId, { message: `并入组照（编号 ${groupId}）`, groupId, sha256 });
    }
    audit(db, 'group', 'material', groupId, { message: `收到由 ${photos.length} 张照片组成的组照` });
    return groupId;
  })();
  return { id, duplicate: false };
}

/**
 * The live material of this dossier that already holds this content, if one does: the same
 * file, or for a 组照 a group of exactly these photos in this order.
 */
export function existingCopy(db: Db, dossierId: number, m: SubmittedMaterial): number | null {
  return m.photos ? sameGroup(db, dossierId, m.photos.map((p) => p.sha256)) : (findMaterialBySha(db, dossierId, m.sha256)?.id ?? null);
}

function sameGroup(db: Db, dossierId: number, shas: string[]): number | null {
  const candidates = db
    .prepare("SELECT id FROM material WHERE dossier_id = ? AND kind = 'photo_group' AND sha256 = ? AND trashed_at IS NULL ORDER BY id")
    .pluck()
    .all(dossierId, shas[0]) as number[];
  const photosOf = db.prepare('SELECT sha256 FROM material_photo WHERE material_id = ? ORDER BY position').pluck();
  return candidates.find((id) => (photosOf.all(id) as string[]).join() === shas.join()) ?? null;
}

/** Materials stored for a group or a bundle that was then refused or cancelled: nothing of them stays. */
export async function discard(archive: Archive, ids: number[]): Promise<void> {
  const { db } = archive;
  for (const id of ids) {
    const shas = new Set([db.prepare('SELECT sha256 FROM material WHERE id = ?').pluck().get(id) as string, ...(db.prepare('SELECT sha256 FROM material_photo WHERE material_id = ?').pluck().all(id) as string[])]);
    db.prepare('DELETE FROM material WHERE id = ?').run(id);
    for (const sha256 of shas) await removeBlobIfUnreferenced(archive, sha256);
  }
}
