// Assigning indicators to a 成员单位 builds on the 责任单位 register (units/): an indicator is the
// unit's when its 责任单位 text names it — the same field an imported sheet fills — and so is
// everything below it. `dossier assign` writes that field, the person and the deadline.
import type { Indicator } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { getDossier } from '../dossiers/repo';
import { updateIndicator } from '../indicators/edit/edit';
import { listIndicators } from '../indicators/repo';
import { namesUnit } from '../units/unitNames';

export function systemOf(db: Db, dossierId: number): number {
  const dossier = getDossier(db, dossierId);
  if (dossier.systemId === null) throw new ApiError('bad_input', `档案“${dossier.name}”还没有测评体系，请先导入`);
  return dossier.systemId;
}

/** The indicators of the system that are the unit's: named by it, or below one that is. */
export function assignedIndicators(list: Indicator[], unit: string): Indicator[] {
  const mine = new Set<number>();
  for (const i of list) {
    // Pre-order: a parent is decided before its children.
    if (namesUnit(i.responsibleUnit, unit) || (i.parentId !== null && mine.has(i.parentId))) mine.add(i.id);
  }
  return list.filter((i) => mine.has(i.id));
}

export interface AssignInput {
  dossierId: number;
  codes: string[];
  unit: string;
  person?: string;
  deadline?: string;
}

/** All or nothing: an unknown code or a unit not in the register refuses the whole call. */
export function assignIndicators(db: Db, input: AssignInput): Indicator[] {
  return db.transaction(() => {
    const systemId = systemOf(db, input.dossierId);
    if (!db.prepare('SELECT 1 FROM responsible_unit WHERE name = ?').get(input.unit)) {
      db.prepare(`INSERT INTO responsible_unit (name, kind, persons, created_at) VALUES (?, 'member', '[]', ?)`).run(input.unit, new Date().toISOString());
    }
    if (input.person) {
      const row = db.prepare('SELECT id, persons FROM responsible_unit WHERE name = ?').get(input.unit) as { id: number; persons: string };
      const persons = JSON.parse(row.persons) as string[];
      if (!persons.includes(input.person)) db.prepare('UPDATE responsible_unit SET persons = ? WHERE id = ?').run(JSON.stringify([...persons, input.person]), row.id);
    }
    const byCode = new Map(listIndicators(db, systemId).map((i) => [i.code, i]));
    const missing = input.codes.filter((c) => !byCode.has(c));
    if (missing.length) throw new ApiError('not_found', `测评体系中没有编码为 ${missing.join('、')} 的指标`);
    return input.codes.map((code) =>
      updateIndicator(db, byCode.get(code)!.id, {
        responsibleUnit: input.unit,
        ...(input.person !== undefined ? { responsiblePerson: input.person } : {}),
        ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
      }),
    );
  })();
}
