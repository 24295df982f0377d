// 每半月汇报 kept: each report made (as files) is also kept as the figures it showed, one per half
// month (a later report in the same half month replaces it), so the progress can show the trend
// since the first report and the PDF can say how the figures moved.
import type { ProgressReport, UnitProgress } from '../../../shared/domain';
import type { Db } from '../archive/database';
import { halfMonth } from './progressReport';

/** Half months sort as their first day: “2024-07-01”, “2024-07-16”. */
function periodStart(today: string): string {
  const [y, m, d] = today.split('-');
  return `${y}-${m}-${Number(d) <= 15 ? '01' : '16'}`;
}

export function keepReport(db: Db, dossierId: number, today: string, units: UnitProgress[]): void {
  db.prepare(
    `INSERT INTO progress_report (dossier_id, period, as_of, made_at, units) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (dossier_id, period) DO UPDATE SET as_of = excluded.as_of, made_at = excluded.made_at, units = excluded.units`,
  ).run(dossierId, periodStart(today), today, new Date().toISOString(), JSON.stringify(units));
}

/** The kept reports, oldest first, with their totals. */
export function listReports(db: Db, dossierId: number): ProgressReport[] {
  const rows = db.prepare('SELECT period, as_of AS asOf, made_at AS madeAt, units FROM progress_report WHERE dossier_id = ? ORDER BY period').all(dossierId) as {
    period: string;
    asOf: string;
    madeAt: string;
    units: string;
  }[];
  return rows.map((r) => {
    const units = JSON.parse(r.units) as UnitProgress[];
    const sum = (k: 'assigned' | 'covered' | 'pending' | 'passed' | 'returned' | 'overdue') => units.reduce((n, u) => n + u[k], 0);
    return {
      period: halfMonth(r.asOf),
      asOf: r.asOf,
      madeAt: r.madeAt,
      totals: { units: units.length, assigned: sum('assigned'), covered: sum('covered'), pending: sum('pending'), passed: sum('passed'), returned: sum('returned'), overdue: sum('overdue') },
      units,
    };
  });
}
