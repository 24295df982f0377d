import type { ResponsibleUnit, UnitKind } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { namesUnit, renameUnitIn } from './unitNames';

// The register of 责任单位 (职能组, 组长单位, 成员单位, 部门) and their persons. An indicator is
// assigned by naming the unit in its 责任单位 text — the same field an imported sheet fills — so
// imported assignments and the register stay one thing. Audited as entity 'unit'.

interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  persons: string;
}

interface UnitFields {
  name: string;
  kind: UnitKind;
  persons: string[];
}

export function listUnits(db: Db): ResponsibleUnit[] {
  const rows = db.prepare('SELECT id, name, kind, persons FROM responsible_unit ORDER BY id').all() as UnitRow[];
  const texts = (db.prepare(`SELECT responsible_unit AS t FROM indicator WHERE responsible_unit <> ''`).all() as { t: string }[]).map(
    (r) => r.t,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    persons: JSON.parse(r.persons) as string[],
    indicatorCount: texts.filter((t) => namesUnit(t, r.name)).length,
  }));
}

function getUnit(db: Db, unitId: number): ResponsibleUnit {
  const unit = listUnits(db).find((u) => u.id === unitId);
  if (!unit) throw new ApiError('not_found', `责任单位不存在（编号 ${unitId}）`);
  return unit;
}

function assertFreeName(db: Db, name: string, exceptId: number): void {
  if (db.prepare('SELECT 1 FROM responsible_unit WHERE name = ? AND id <> ?').get(name, exceptId)) {
    throw new ApiError('conflict', `已有名为“${name}”的责任单位`);
  }
}

export function createUnit(db: Db, fields: UnitFields): ResponsibleUnit {
  return db.transaction(() => {
    assertFreeName(db, fields.name, 0);
    const info = db
      .prepare('INSERT INTO responsible_unit (name, kind, persons, created_at) VALUES (?, ?, ?, ?)')
      .run(fields.name, fields.kind, JSON.stringify(uniq(fields.persons)), new Date().toISOString());
    const id = Number(info.lastInsertRowid);
    audit(db, 'unit.create', 'unit', id, { name: fields.name });
    return getUnit(db, id);
  })();
}

export function updateUnit(db: Db, unitId: number, patch: Partial<UnitFields>): ResponsibleUnit {
  return db.transaction(() => {
    const before = getUnit(db, unitId);
    const next = { ...before, ...patch };
    if (next.name !== before.name) {
      assertFreeName(db, next.name, unitId);
      renameOnIndicators(db, before.name, next.name);
    }
    db.prepare('UPDATE responsible_unit SET name = ?, kind = ?, persons = ? WHERE id = ?').run(
      next.name,
      next.kind,
      JSON.stringify(uniq(next.persons)),
      unitId,
    );
    audit(db, 'unit.update', 'unit', unitId, { before, after: { name: next.name, kind: next.kind, persons: next.persons } });
    return getUnit(db, unitId);
  })();
}

/** Add the units an imported table names that the register does not have yet (as 部门), in the caller's transaction. */
export function registerUnits(db: Db, names: readonly string[]): void {
  const known = new Set((db.prepare('SELECT name FROM responsible_unit').all() as { name: string }[]).map((r) => r.name));
  const insert = db.prepare(`INSERT INTO responsible_unit (name, kind, persons, created_at) VALUES (?, 'department', '[]', ?)`);
  for (const name of new Set(names)) {
    if (known.has(name) || name.length > 200) continue;
    const id = Number(insert.run(name, new Date().toISOString()).lastInsertRowid);
    audit(db, 'unit.create', 'unit', id, { name, from: 'import' });
  }
}

/** Refused while indicators still name the unit: reassign them first. */
export function deleteUnit(db: Db, unitId: number): { deleted: true } {
  return db.transaction(() => {
    const unit = getUnit(db, unitId);
    if (unit.indicatorCount > 0) {
      throw new ApiError('conflict', `还有 ${unit.indicatorCount} 项指标由“${unit.name}”负责，请先把这些指标改派给其他单位，再删除`);
    }
    db.prepare('DELETE FROM responsible_unit WHERE id = ?').run(unitId);
    audit(db, 'unit.delete', 'unit', unitId, { name: unit.name });
    return { deleted: true as const };
  })();
}

function renameOnIndicators(db: Db, from: string, to: string): void {
  const rows = db.prepare(`SELECT id, responsible_unit AS t FROM indicator WHERE responsible_unit <> ''`).all() as {
    id: number;
    t: string;
  }[];
  const update = db.prepare('UPDATE indicator SET responsible_unit = ? WHERE id = ?');
  for (const r of rows) if (namesUnit(r.t, from)) update.run(renameUnitIn(r.t, from, to), r.id);
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}
