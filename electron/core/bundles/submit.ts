// 报送包 (unit → lead): every material of the unit's 报送档案 — original (every photo of a 组照,
// a 会议纪要's form as its JSON file), DA/T 22/50 fields, indicator codes — or only those changed
// since the last 报送包, and the materials withdrawn
// (moved to the 回收站) since; signed with this archive's key.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_VERSION, SUBMISSION_FORMAT, type SubmissionBundle, type SubmittedMaterial } from '../../../shared/api/bundleFormat';
import type { Material, SubmitResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getDossier, listDossiers } from '../dossiers/repo';
import { listMaterialsByIds } from '../materials/repo';
import { archiveKey } from './keys';
import { SUBMISSION_EXTENSION } from './layout';
import { materialVersion, pickFields } from './version';
import { writeBundle } from './writeBundle';

interface TaskLink {
  dossier_id: number;
  lead_dossier: string;
  unit: string;
  task_round: number;
  submit_round: number;
}

/** The 报送档案 a submit acts on: the given one, or the only one made from a 任务包. */
export function taskLinkOf(db: Db, dossierId?: number): TaskLink {
  const links = db.prepare('SELECT dossier_id, lead_dossier, unit, task_round, submit_round FROM task_link').all() as TaskLink[];
  if (dossierId !== undefined) {
    const found = links.find((l) => l.dossier_id === dossierId);
    if (!found) throw new ApiError('bad_input', `档案“${getDossier(db, dossierId).name}”不是由任务包建立的报送档案，不能报送（先运行 dossier tasks open 任务包）`);
    return found;
  }
  if (links.length === 1) return links[0];
  if (links.length === 0) throw new ApiError('bad_input', `档案库中没有由任务包建立的报送档案（共 ${listDossiers(db).length} 个档案），请先运行 dossier tasks open 任务包`);
  throw new ApiError('bad_input', `档案库中有 ${links.length} 个报送档案，请用 --dossier 指定编号`);
}

export async function submitMaterials(archive: Archive, input: { dossierId?: number; out?: string; changedOnly: boolean }): Promise<SubmitResult> {
  const { db } = archive;
  const link = taskLinkOf(db, input.dossierId);
  const ids = db.prepare('SELECT id FROM material WHERE dossier_id = ? AND trashed_at IS NULL ORDER BY id').pluck().all(link.dossier_id) as number[];
  const codes = new Map((db.prepare('SELECT i.id, i.code FROM indicator i JOIN dossier d ON d.system_id = i.system_id WHERE d.id = ?').all(link.dossier_id) as { id: number; code: string }[]).map((r) => [r.id, r.code]));
  const sent = new Map((db.prepare('SELECT material_id AS id, version FROM material_sent').all() as { id: number; version: string }[]).map((r) => [r.id, r.version]));
  const skipped: SubmitResult['skipped'] = [];
  const carried: { material: Material; entry: SubmittedMaterial }[] = [];
  for (const m of listMaterialsByIds(db, ids)) {
    const fields = pickFields(m);
    const indicators = m.indicatorIds.map((id) => codes.get(id)).filter((c): c is string => c !== undefined);
    const photos = m.kind === 'photo_group' ? m.photos.map((p, i) => ({ sha256: p.sha256, originalName: safeName(p.originalName, `${m.title}-${i + 1}`), caption: p.caption })) : undefined;
    const version = materialVersion(m.sha256, fields, indicators, photos);
    if (input.changedOnly && sent.get(m.id) === version) continue;
    const missing = [m.sha256, ...(photos ?? []).map((p) => p.sha256)].find((sha) => !existsSync(archive.store.pathFor(sha)));
    if (missing) {
      skipped.push({ materialId: m.id, title: m.title, reason: '原始文件在档案库中缺失，请先运行四性检测并从备份恢复' });
      continue;
    }
    const uuid = db.prepare('SELECT uuid FROM material WHERE id = ?').pluck().get(m.id) as string;
    carried.push({ material: m, entry: { uuid, kind: m.kind, sha256: m.sha256, size: m.size, originalName: safeName(m.originalName, m.title), fields, indicators, ...(photos ? { photos } : {}), version } });
  }
  const withdrawn = db
    .prepare(`SELECT s.material_id AS id, s.uuid FROM material_sent s JOIN material m ON m.id = s.material_id WHERE m.dossier_id = ? AND m.trashed_at IS NOT NULL`)
    .all(link.dossier_id) as { id: number; uuid: string }[];
  const round = link.submit_round + 1;
  const key = archiveKey(db);
  const payload: SubmissionBundle = {
    format: SUBMISSION_FORMAT,
    version: BUNDLE_VERSION,
    bundleId: randomUUID().replace(/-/g, ''),
    createdAt: new Date().toISOString(),
    round,
    changedOnly: input.changedOnly,
    signer: { publicKey: key.publicKey },
    dossier: { uuid: link.lead_dossier },
    unit: { name: link.unit },
    taskRound: link.task_round,
    materials: carried.map((c) => c.entry),
    withdrawn: withdrawn.map((w) => w.uuid),
  };
  const out = path.resolve(input.out ?? path.join(archive.root, 'exports', '报送包', `${link.unit}-第${round}次${SUBMISSION_EXTENSION}`));
  await fs.mkdir(path.dirname(out), { recursive: true });
  const files = carried.flatMap((c) => [c.material.sha256, ...(c.entry.photos ?? []).map((p) => p.sha256)]);
  await writeBundle(out, payload, files.map((sha256) => ({ sha256, path: archive.store.pathFor(sha256) })), key);
  db.transaction(() => {
    db.prepare('UPDATE task_link SET submit_round = ? WHERE dossier_id = ?').run(round, link.dossier_id);
    const record = db.prepare('INSERT INTO material_sent (material_id, uuid, version, sent_round) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version, sent_round = excluded.sent_round');
    for (const c of carried) record.run(c.material.id, c.entry.uuid, c.entry.version, round);
    for (const w of withdrawn) db.prepare('DELETE FROM material_sent WHERE material_id = ?').run(w.id);
    audit(db, 'submit', 'dossier', link.dossier_id, { round, materials: carried.length, withdrawn: withdrawn.length, file: path.basename(out) });
  })();
  return { file: out, round, materials: carried.length, withdrawn: withdrawn.length, skipped };
}

/** The name the lead's archive will show as 原文件名: never a path, never empty. */
function safeName(originalName: string, title: string): string {
  const name = (originalName || title).replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
  return name || '材料';
}
