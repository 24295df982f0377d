// 每半月汇报: per unit — indicators assigned, covered (a live material filed under it), 待审,
// 通过, 退回, overdue (deadline passed and still 缺项), the last 报送 date.
import type { UnitProgress } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { listIndicators } from '../indicators/repo';
import { assignedIndicators, systemOf } from './assignment';

export function unitProgress(db: Db, dossierId: number, today = localDate(new Date())): UnitProgress[] {
  const indicators = listIndicators(db, systemOf(db, dossierId));
  const covered = new Set(
    db.prepare('SELECT DISTINCT l.indicator_id FROM material_indicator l JOIN material m ON m.id = l.material_id WHERE m.dossier_id = ? AND m.trashed_at IS NULL').pluck().all(dossierId) as number[],
  );
  const units = db.prepare('SELECT name FROM responsible_unit ORDER BY id').pluck().all() as string[];
  const reviews = db.prepare(
    `SELECT r.state, count(DISTINCT r.material_id) AS n FROM material_review r JOIN material_provenance p ON p.material_id = r.material_id
     JOIN material m ON m.id = r.material_id WHERE p.unit = ? AND m.dossier_id = ? AND m.trashed_at IS NULL GROUP BY r.state`,
  );
  const last = db.prepare('SELECT max(created_at) FROM submission WHERE unit = ? AND dossier_id = ?').pluck();
  const out: UnitProgress[] = [];
  for (const unit of units) {
    // Leaves only: a category is covered by its items, not counted twice.
    const mine = assignedIndicators(indicators, unit).filter((i) => !indicators.some((c) => c.parentId === i.id));
    const lastSubmission = (last.get(unit, dossierId) as string | null) ?? null;
    if (mine.length === 0 && lastSubmission === null) continue;
    const counts = Object.fromEntries((reviews.all(unit, dossierId) as { state: string; n: number }[]).map((r) => [r.state, r.n]));
    out.push({
      unit,
      assigned: mine.length,
      covered: mine.filter((i) => covered.has(i.id)).length,
      pending: counts.pending ?? 0,
      passed: counts.passed ?? 0,
      returned: counts.returned ?? 0,
      overdue: mine.filter((i) => !covered.has(i.id) && i.deadline !== '' && i.deadline < today).length,
      lastSubmission,
    });
  }
  return out;
}

export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
