// Opening a 任务包 in a unit's archive: the first one makes the unit's 报送档案 (a dossier on a
// 测评体系 of the unit's indicators, with their codes as the lead has them); a later one of the
// same dossier updates it in place — new indicators added, changed texts and deadlines applied,
// the lead's review of each material shown — and never removes an indicator or anything filed.
import { taskBundleSchema, type TaskBundle, type TaskIndicator } from '../../../shared/api/bundleFormat';
import { reviewStateLabels, type TaskOpenResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { columnValue, FIELD_COLUMNS } from '../indicators/edit/fields';
import { keyFingerprint } from './fingerprint';
import { openBundle } from './readBundle';

interface LinkRow {
  dossier_id: number;
  lead_key: string;
  task_round: number;
}

export async function openTasks(archive: Archive, file: string): Promise<TaskOpenResult> {
  const opened = await openBundle(file, '任务包', taskBundleSchema, archive.tmpDir);
  try {
    return apply(archive.db, opened.payload, file);
  } finally {
    await opened.close();
  }
}

function apply(db: Db, task: TaskBundle, file: string): TaskOpenResult {
  return db.transaction((): TaskOpenResult => {
    const link = db.prepare('SELECT dossier_id, lead_key, task_round FROM task_link WHERE lead_dossier = ? AND unit = ?').get(task.dossier.uuid, task.unit.name) as LinkRow | undefined;
    const base = { unit: task.unit.name, round: task.round, indicatorsAdded: 0, indicatorsUpdated: 0, reviewsApplied: 0 };
    if (link && link.lead_key !== task.signer.publicKey) {
      throw new ApiError('bad_input', `任务包 ${file} 的签名密钥（指纹 ${keyFingerprint(task.signer.publicKey)}）与此前任务包的（${keyFingerprint(link.lead_key)}）不同，已拒绝导入；请向牵头单位核实`);
    }
    if (link && task.round < link.task_round) {
      throw new ApiError('bad_input', `任务包 ${file} 是第 ${task.round} 次下发的，比已打开的第 ${link.task_round} 次更早，已拒绝导入`);
    }
    if (link && task.round === link.task_round) return { ...base, dossierId: link.dossier_id, created: false, unchanged: true };
    let dossierId: number;
    let systemId: number;
    const now = new Date().toISOString();
    if (link) {
      dossierId = link.dossier_id;
      systemId = db.prepare('SELECT system_id FROM dossier WHERE id = ?').pluck().get(dossierId) as number;
      db.prepare('UPDATE task_link SET task_round = ? WHERE dossier_id = ?').run(task.round, dossierId);
    } else {
      systemId = Number(
        db.prepare(`INSERT INTO indicator_system (name, source, created_at, code_mode) VALUES (?, ?, ?, 'sheet')`).run(`${task.dossier.name}（${task.unit.name}任务）`, '任务包', now).lastInsertRowid,
      );
      dossierId = Number(
        db.prepare('INSERT INTO dossier (name, unit, period, system_id, created_at) VALUES (?, ?, ?, ?, ?)').run(task.dossier.name, task.unit.name, task.dossier.period, systemId, now).lastInsertRowid,
      );
      db.prepare('INSERT INTO task_link (dossier_id, lead_dossier, unit, lead_key, task_round, opened_at) VALUES (?, ?, ?, ?, ?, ?)').run(dossierId, task.dossier.uuid, task.unit.name, task.signer.publicKey, task.round, now);
      audit(db, 'create', 'dossier', dossierId, { name: task.dossier.name, from: 'task' });
    }
    const counts = syncIndicators(db, systemId, task.indicators, task.unit.name);
    const reviewsApplied = applyReviews(db, dossierId, task);
    audit(db, 'tasks.open', 'dossier', dossierId, { round: task.round, ...counts, reviewsApplied });
    return { ...base, ...counts, reviewsApplied, dossierId, created: !link, unchanged: false };
  })();
}

/** By code: existing indicators take the lead's texts and deadline, new ones are added under their parent. */
function syncIndicators(db: Db, systemId: number, list: TaskIndicator[], unit: string): { indicatorsAdded: number; indicatorsUpdated: number } {
  const rows = db.prepare('SELECT id, code, depth FROM indicator WHERE system_id = ?').all(systemId) as { id: number; code: string; depth: number }[];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const seen = new Set(list.map((i) => i.code));
  let position = 0;
  let indicatorsAdded = 0;
  let indicatorsUpdated = 0;
  for (const i of list) {
    position += 1;
    const parent = i.parentCode === null ? null : byCode.get(i.parentCode);
    if (parent === undefined) throw new ApiError('bad_input', `任务包中指标 ${i.code} 的上级 ${i.parentCode} 不在它之前，已拒绝导入`);
    const fields = { ...i, responsibleUnit: i.assigned ? unit : '' };
    let row = byCode.get(i.code);
    if (!row) {
      const id = Number(db.prepare('INSERT INTO indicator (system_id, parent_id, code, title, position, depth) VALUES (?, ?, ?, ?, 0, 0)').run(systemId, parent?.id ?? null, i.code, i.title).lastInsertRowid);
      row = { id, code: i.code, depth: parent ? parent.depth + 1 : 1 };
      byCode.set(i.code, row);
      indicatorsAdded += 1;
    } else {
      const before = db.prepare('SELECT title, content, standard, deadline, responsible_person AS p, score FROM indicator WHERE id = ?').get(row.id);
      const after = { title: i.title, content: i.content, standard: i.standard, deadline: i.deadline, p: i.responsiblePerson, score: i.score };
      if (JSON.stringify(before) !== JSON.stringify(after)) indicatorsUpdated += 1;
    }
    for (const key of Object.keys(FIELD_COLUMNS) as (keyof typeof FIELD_COLUMNS)[]) {
      db.prepare(`UPDATE indicator SET ${FIELD_COLUMNS[key]} = ? WHERE id = ?`).run(columnValue(key, fields[key]), row.id);
    }
    db.prepare('UPDATE indicator SET parent_id = ?, position = ?, depth = ? WHERE id = ?').run(parent?.id ?? null, position, row.depth, row.id);
  }
  // Indicators the lead no longer sends stay (with whatever is filed under them), after the rest.
  for (const r of rows) if (!seen.has(r.code)) db.prepare('UPDATE indicator SET position = ? WHERE id = ?').run((position += 1), r.id);
  return { indicatorsAdded, indicatorsUpdated };
}

function applyReviews(db: Db, dossierId: number, task: TaskBundle): number {
  let applied = 0;
  for (const r of task.reviews) {
    const materialId = db.prepare('SELECT id FROM material WHERE uuid = ? AND dossier_id = ?').pluck().get(r.uuid, dossierId) as number | undefined;
    if (materialId === undefined) continue;
    const before = db.prepare('SELECT state, comment, at FROM material_review WHERE material_id = ?').get(materialId) as { state: string; comment: string; at: string } | undefined;
    if (before && before.state === r.state && before.comment === r.comment && before.at === r.at) continue;
    db.prepare('INSERT INTO material_review (material_id, state, comment, at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET state = excluded.state, comment = excluded.comment, at = excluded.at').run(materialId, r.state, r.comment, r.at);
    audit(db, 'review.received', 'material', materialId, { state: r.state, message: `${reviewStateLabels[r.state]}${r.comment ? `（${r.comment}）` : ''}`, round: task.round });
    applied += 1;
  }
  return applied;
}
