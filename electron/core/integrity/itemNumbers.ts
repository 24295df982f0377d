import type { VerifyProblem } from '../../../shared/domain';
import type { Db } from '../archive/database';

interface Held {
  dossierId: number;
  dossier: string;
  archivalClass: string;
  n: number;
  code: string;
  /** A material (in the 回收站 too) holds it; null: it left with a purged material (void). */
  materialId: number | null;
  title: string;
}

/**
 * 件号 run without gaps (DA/T 22): within each dossier and class (the 档号 without its 件号), the
 * stored numbers 1 … highest are each held once, by a material (one in the 回收站 still holds
 * its number) or by the record of a material that was purged with it. A number held twice, or
 * not at all, is named.
 */
export function itemNumberGaps(db: Db): VerifyProblem[] {
  const rows = db
    .prepare(
      `SELECT m.dossier_id AS dossierId, d.name AS dossier, m.archival_class AS archivalClass, m.item_number AS n,
              m.archival_code AS code, m.id AS materialId, m.title
       FROM material m JOIN dossier d ON d.id = m.dossier_id WHERE m.item_number IS NOT NULL
       UNION ALL
       SELECT v.dossier_id, coalesce(d.name, ''), v.archival_class, v.item_number, v.archival_code, NULL, v.title
       FROM item_number_void v LEFT JOIN dossier d ON d.id = v.dossier_id
       ORDER BY 1, 3, 4`,
    )
    .all() as Held[];
  const problems: VerifyProblem[] = [];
  const problem = (held: Held, what: string): VerifyProblem => ({
    check: 'integrity',
    severity: 'error',
    materialId: held.materialId,
    title: held.materialId === null ? null : held.title,
    sha256: null,
    file: null,
    message: `档案《${held.dossier}》${held.archivalClass ? `（${held.archivalClass}）` : ''}${what}`,
  });
  let group = '';
  let expected = 1;
  let previous: Held | null = null;
  for (const held of rows) {
    const key = `${held.dossierId}\u0000${held.archivalClass}`;
    if (key !== group) {
      group = key;
      expected = 1;
      previous = null;
    }
    if (held.n < expected && previous) {
      const who = (h: Held) => (h.materialId === null ? `已清除的《${h.title}》` : `《${h.title}》（编号 ${h.materialId}）`);
      problems.push(problem(held, `件号 ${held.n} 重复：${who(previous)}与${who(held)}都使用档号 ${held.code}`));
    } else if (held.n > expected) {
      const range = held.n - 1 > expected ? `${expected}–${held.n - 1}` : String(expected);
      problems.push(problem(held, `件号 ${range} 缺号：没有材料使用，也没有彻底清除的记录（下一个件号 ${held.n} 为《${held.title}》）`));
    }
    expected = Math.max(expected, held.n + 1);
    previous = held;
  }
  return problems;
}
