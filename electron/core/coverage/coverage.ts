import type { CoverageRow } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { getDossier } from '../dossiers/repo';
import { listIndicators } from '../indicators/repo';

/**
 * Per node: materials filed, covered leaves of all leaves below, and the share of the score
 * they carry. A leaf with no material is 缺项.
 */
export function computeCoverage(db: Db, dossierId: number): CoverageRow[] {
  const dossier = getDossier(db, dossierId);
  if (dossier.systemId === null) return [];
  const indicators = listIndicators(db, dossier.systemId);
  const counts = new Map<number, number>();
  const rows = db
    .prepare(
      `SELECT l.indicator_id AS id, count(*) AS n FROM material_indicator l
       JOIN material m ON m.id = l.material_id
       WHERE m.dossier_id = ? AND m.trashed_at IS NULL GROUP BY l.indicator_id`,
    )
    .all(dossierId) as { id: number; n: number }[];
  for (const r of rows) counts.set(r.id, r.n);

  const children = new Map<number | null, number[]>();
  for (const ind of indicators) {
    const list = children.get(ind.parentId) ?? [];
    list.push(ind.id);
    children.set(ind.parentId, list);
  }
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const result = new Map<number, CoverageRow>();
  const visit = (id: number): CoverageRow => {
    const ind = byId.get(id)!;
    const kids = children.get(id) ?? [];
    const own = counts.get(id) ?? 0;
    let row: CoverageRow;
    if (kids.length === 0) {
      // A veto item is checked as 已排除/存在, not evidenced by materials: it is never 缺项 and
      // does not count among the leaves to cover.
      const veto = ind.kind === 'veto';
      const covered = own > 0;
      row = {
        indicatorId: id,
        code: ind.code,
        title: ind.title,
        depth: ind.depth,
        isLeaf: true,
        kind: ind.kind,
        score: ind.score,
        materialCount: own,
        coveredLeaves: covered && !veto ? 1 : 0,
        totalLeaves: veto ? 0 : 1,
        coveredScore: covered && !veto ? (ind.score ?? 0) : 0,
        totalScore: veto ? 0 : (ind.score ?? 0),
        missing: !covered && !veto,
      };
    } else {
      const sub = kids.map(visit);
      const coveredLeaves = sub.reduce((s, r) => s + r.coveredLeaves, 0);
      row = {
        indicatorId: id,
        code: ind.code,
        title: ind.title,
        depth: ind.depth,
        isLeaf: false,
        kind: ind.kind,
        score: ind.score,
        materialCount: own + sub.reduce((s, r) => s + r.materialCount, 0),
        coveredLeaves,
        totalLeaves: sub.reduce((s, r) => s + r.totalLeaves, 0),
        coveredScore: sub.reduce((s, r) => s + r.coveredScore, 0),
        totalScore: sub.reduce((s, r) => s + r.totalScore, 0),
        missing: coveredLeaves === 0 && own === 0 && sub.some((r) => r.missing),
      };
    }
    result.set(id, row);
    return row;
  };
  for (const root of children.get(null) ?? []) visit(root);
  return indicators.map((i) => result.get(i.id)!);
}
