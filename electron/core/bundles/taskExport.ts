// 任务包 (lead → unit): the dossier's identity, the unit's indicators (with the tree above them
// for context) and what the lead said of each material the unit sent — 退回 with its comment.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_VERSION, TASK_FORMAT, type BundleReview, type TaskBundle, type TaskIndicator } from '../../../shared/api/bundleFormat';
import type { TaskExportResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { audit } from '../audit/auditLog';
import { getDossier } from '../dossiers/repo';
import { listIndicators } from '../indicators/repo';
import { assignedIndicators, systemOf } from './assignment';
import { dossierUuid } from './identity';
import { archiveKey } from './keys';
import { TASK_EXTENSION } from './layout';
import { writeBundle } from './writeBundle';

export async function exportTasks(archive: Archive, input: { dossierId: number; unit: string; out?: string }): Promise<TaskExportResult> {
  const { db } = archive;
  const dossier = getDossier(db, input.dossierId);
  const unit = db.prepare('SELECT name, persons FROM responsible_unit WHERE name = ?').get(input.unit) as { name: string; persons: string } | undefined;
  if (!unit) throw new ApiError('not_found', `责任单位登记册中没有“${input.unit}”，请先用 dossier assign 分派指标`);
  const all = listIndicators(db, systemOf(db, dossier.id));
  const mine = assignedIndicators(all, unit.name);
  if (mine.length === 0) throw new ApiError('bad_input', `还没有分派给“${unit.name}”的指标（dossier assign CODE --unit ${unit.name}）`);
  const assigned = new Set(mine.map((i) => i.id));
  const byId = new Map(all.map((i) => [i.id, i]));
  const shown = new Set<number>();
  for (const i of mine) for (let at: number | null = i.id; at !== null && !shown.has(at); at = byId.get(at)?.parentId ?? null) shown.add(at);
  const indicators: TaskIndicator[] = all
    .filter((i) => shown.has(i.id))
    .map((i) => ({
      code: i.code,
      parentCode: i.parentId === null ? null : byId.get(i.parentId)!.code,
      assigned: assigned.has(i.id),
      title: i.title,
      numbering: i.numbering,
      content: i.content,
      standard: i.standard,
      methods: i.methods,
      score: i.score,
      kind: i.kind,
      requiredMaterials: i.requiredMaterials,
      responsiblePerson: i.responsiblePerson,
      deadline: i.deadline,
    }));
  const reviews = db
    .prepare(
      `SELECT p.remote_uuid AS uuid, r.state, r.comment, r.at, m.title FROM material_provenance p
       JOIN material_review r ON r.material_id = p.material_id JOIN material m ON m.id = p.material_id
       WHERE p.unit = ? AND m.dossier_id = ? ORDER BY p.remote_uuid`,
    )
    .all(unit.name, dossier.id) as BundleReview[];
  const round = nextRound(archive, dossier.id, unit.name);
  const payload: TaskBundle = {
    format: TASK_FORMAT,
    version: BUNDLE_VERSION,
    bundleId: randomUUID().replace(/-/g, ''),
    createdAt: new Date().toISOString(),
    round,
    signer: { publicKey: archiveKey(db).publicKey },
    dossier: { uuid: dossierUuid(db, dossier.id), name: dossier.name, unit: dossier.unit, period: dossier.period },
    unit: { name: unit.name, person: (JSON.parse(unit.persons) as string[])[0] ?? '' },
    indicators,
    reviews,
  };
  const out = path.resolve(input.out ?? path.join(archive.root, 'exports', '任务包', `${unit.name}-第${round}次${TASK_EXTENSION}`));
  await fs.mkdir(path.dirname(out), { recursive: true });
  await writeBundle(out, payload, [], archiveKey(db));
  db.transaction(() => {
    db.prepare('INSERT INTO task_round (dossier_id, unit, round) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET round = excluded.round').run(dossier.id, unit.name, round);
    audit(db, 'tasks.export', 'dossier', dossier.id, { unit: unit.name, round, file: path.basename(out) });
  })();
  return { file: out, unit: unit.name, round, indicators: mine.length, returned: reviews.filter((r) => r.state === 'returned').length };
}

function nextRound(archive: Archive, dossierId: number, unit: string): number {
  const row = archive.db.prepare('SELECT round FROM task_round WHERE dossier_id = ? AND unit = ?').get(dossierId, unit) as { round: number } | undefined;
  return (row?.round ?? 0) + 1;
}
