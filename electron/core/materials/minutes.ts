import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MINUTES_MEDIA_TYPE, type Material, type MinutesForm } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { audit } from '../audit/auditLog';
import { removeBlobIfUnreferenced } from './blobCleanup';
import { linkMaterial } from './links';
import { dateFromText } from './prefill';
import { getLiveMaterial, getMaterial } from './repo';
import { nextMaterialId } from './materialIds';

export interface SaveMinutesArgs {
  dossierId: number;
  materialId?: number;
  form: MinutesForm;
  indicatorIds: number[];
}

/** The fields in the contract's order, so equal forms give equal bytes (and one blob). */
const fieldOrder: (keyof MinutesForm)[] = [
  'meetingName',
  'time',
  'place',
  'host',
  'attendees',
  'absentees',
  'recorder',
  'topics',
  'decisions',
];

function canonical(form: MinutesForm): string {
  const ordered: Record<string, string> = {};
  for (const key of fieldOrder) ordered[key] = form[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Store the form as a JSON blob (hashed, verified and exported like any file). */
async function storeForm(archive: Archive, form: MinutesForm): Promise<{ sha256: string; size: number }> {
  const tmp = path.join(archive.tmpDir, `${randomUUID()}.minutes.json`);
  await fs.writeFile(tmp, canonical(form), { flag: 'wx' });
  try {
    return await archive.store.putFile(tmp);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * Create or edit 会议纪要. An edit stores the new form as a new blob (originals are never
 * modified) and drops the old one when nothing else shows it.
 */
export async function saveMinutes(archive: Archive, args: SaveMinutesArgs): Promise<Material> {
  const { db } = archive;
  const { form } = args;
  const before = args.materialId === undefined ? null : getLiveMaterial(db, args.materialId);
  if (before && before.kind !== 'minutes') throw new ApiError('conflict', `材料《${before.title}》不是会议纪要`);
  const blob = await storeForm(archive, form);
  const body = fieldOrder.map((k) => form[k]).filter(Boolean).join('\n');
  const now = new Date().toISOString();
  const date = dateFromText(form.time);
  const id = db.transaction(() => {
    db.prepare(
      `INSERT INTO blob (sha256, size, media_type, body_text, text_state, created_at) VALUES (?, ?, ?, ?, 'done', ?)
       ON CONFLICT(sha256) DO NOTHING`,
    ).run(blob.sha256, blob.size, MINUTES_MEDIA_TYPE, body, now);
    let materialId: number;
    if (before) {
      materialId = before.id;
      db.prepare('UPDATE material SET sha256 = ?, title = ?, date = ?, updated_at = ? WHERE id = ?').run(
        blob.sha256,
        form.meetingName,
        date || before.date,
        now,
        materialId,
      );
      audit(db, 'minutes', 'material', materialId, { message: '修改会议纪要内容', sha256: blob.sha256 });
    } else {
      const info = db
        .prepare(
          `INSERT INTO material (id, dossier_id, kind, sha256, original_name, title, date, pages, created_at, updated_at)
           VALUES (?, ?, 'minutes', ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(nextMaterialId(db), args.dossierId, blob.sha256, `${form.meetingName}.json`, form.meetingName, date, now, now);
      materialId = Number(info.lastInsertRowid);
      audit(db, 'minutes', 'material', materialId, { message: '新建会议纪要', sha256: blob.sha256 });
    }
    for (const indicatorId of args.indicatorIds) linkMaterial(db, materialId, indicatorId);
    return materialId;
  })();
  if (before && before.sha256 !== blob.sha256) await removeBlobIfUnreferenced(archive, before.sha256);
  return getMaterial(db, id);
}

export async function readMinutes(archive: Archive, materialId: number): Promise<MinutesForm> {
  const m = getMaterial(archive.db, materialId);
  if (m.kind !== 'minutes' || m.mediaType !== MINUTES_MEDIA_TYPE) {
    throw new ApiError('conflict', `材料《${m.title}》不是在本程序中填写的会议纪要`);
  }
  const parsed = JSON.parse(await fs.readFile(archive.store.pathFor(m.sha256), 'utf8')) as Partial<MinutesForm>;
  const form = {} as MinutesForm;
  for (const key of fieldOrder) form[key] = typeof parsed[key] === 'string' ? parsed[key] : '';
  return form;
}
