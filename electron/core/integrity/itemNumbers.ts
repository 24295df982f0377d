import type { VerifyProblem } from '../../../shared/domain';
import type { Db } from '../archive/database';

/**
 * 件号 run without gaps (DA/T 22). Today 件号 are assigned when a packet is exported, in packet
 * order, so they cannot have gaps; once materials carry a stored `item_number`, each dossier's
 * assigned numbers must run 1, 2, 3 … with no gap or repeat.
 */
export function itemNumberGaps(db: Db): VerifyProblem[] {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('material') as string[];
  if (!columns.includes('item_number')) return [];
  const rows = db
    .prepare('SELECT dossier_id AS dossierId, item_number AS n FROM material WHERE item_number IS NOT NULL AND trashed_at IS NULL ORDER BY dossier_id, item_number')
    .all() as { dossierId: number; n: number }[];
  const problems: VerifyProblem[] = [];
  let dossier = -1;
  let expected = 1;
  for (const row of rows) {
    if (row.dossierId !== dossier) {
      dossier = row.dossierId;
      expected = 1;
    }
    if (row.n !== expected) {
      const what = row.n < expected ? `件号 ${row.n} 重复` : `件号 ${expected}${row.n - 1 > expected ? `–${row.n - 1}` : ''} 缺号`;
      problems.push({ check: 'integrity', severity: 'error', materialId: null, title: null, sha256: null, file: null, message: `档案（编号 ${dossier}）${what}` });
    }
    expected = Math.max(expected, row.n + 1);
  }
  return problems;
}
