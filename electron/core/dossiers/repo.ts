import { archivalRuleSchema } from '../../../shared/api/dossiers';
import type { ArchivalCodeRule, Dossier } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { retentionCode } from '../archival/archivalCode';
import { audit } from '../audit/auditLog';

interface DossierRow {
  id: number;
  name: string;
  unit: string;
  period: string;
  system_id: number | null;
  inspection_date: string | null;
  created_at: string;
  pass_line: number | null;
  archival_rule: string;
}

/**
 * The stored rule, field by field: a rule carried over from an older packet definition may
 * spell 保管期限 in words (“永久”) or have one field the schema no longer takes; each such field
 * falls back on its own, the others are kept. '' (never set) gives the default rule.
 */
export function parseRule(text: string): ArchivalCodeRule {
  const defaults = archivalRuleSchema.parse({});
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    return defaults;
  }
  const field = <K extends keyof ArchivalCodeRule>(key: K, value: unknown): ArchivalCodeRule[K] => {
    const one = archivalRuleSchema.shape[key].safeParse(value);
    return one.success ? (one.data as ArchivalCodeRule[K]) : defaults[key];
  };
  const retention = typeof raw.defaultRetention === 'string' ? retentionCode(raw.defaultRetention, '') : undefined;
  return {
    pattern: field('pattern', raw.pattern),
    fondsNumber: field('fondsNumber', raw.fondsNumber),
    itemDigits: field('itemDigits', raw.itemDigits),
    defaultRetention: field('defaultRetention', retention),
  };
}

function toDossier(row: DossierRow): Dossier {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    period: row.period,
    systemId: row.system_id,
    inspectionDate: row.inspection_date,
    createdAt: row.created_at,
    passLine: row.pass_line,
    archivalRule: parseRule(row.archival_rule),
  };
}

/** Materials numbered from now on follow `rule`; those numbered already keep their 档号. */
export function setArchivalRule(db: Db, dossierId: number, rule: ArchivalCodeRule): Dossier {
  return db.transaction(() => {
    getDossier(db, dossierId);
    db.prepare('UPDATE dossier SET archival_rule = ? WHERE id = ?').run(JSON.stringify(rule), dossierId);
    audit(db, 'archival_rule', 'dossier', dossierId, { ...rule });
    return getDossier(db, dossierId);
  })();
}

export function listDossiers(db: Db): Dossier[] {
  return (db.prepare('SELECT * FROM dossier ORDER BY id').all() as DossierRow[]).map(toDossier);
}

export function getDossier(db: Db, id: number): Dossier {
  const row = db.prepare('SELECT * FROM dossier WHERE id = ?').get(id) as DossierRow | undefined;
  if (!row) throw new ApiError('not_found', `档案不存在（编号 ${id}）`);
  return toDossier(row);
}

export function createDossier(
  db: Db,
  input: { name: string; unit: string; period: string; systemId: number | null },
): Dossier {
  return db.transaction(() => {
    if (input.systemId !== null) assertSystemExists(db, input.systemId);
    const info = db
      .prepare('INSERT INTO dossier (name, unit, period, system_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, input.unit, input.period, input.systemId, new Date().toISOString());
    const id = Number(info.lastInsertRowid);
    audit(db, 'create', 'dossier', id, { name: input.name });
    return getDossier(db, id);
  })();
}

export function setDossierSystem(db: Db, dossierId: number, systemId: number): Dossier {
  return db.transaction(() => {
    const dossier = getDossier(db, dossierId);
    assertSystemExists(db, systemId);
    if (dossier.systemId === systemId) return dossier;
    const linked = db
      .prepare(
        `SELECT count(*) AS n FROM material_indicator l JOIN material m ON m.id = l.material_id WHERE m.dossier_id = ?`,
      )
      .get(dossierId) as { n: number };
    if (linked.n > 0) {
      throw new ApiError('conflict', `此档案已有 ${linked.n} 条材料归入当前测评体系的指标，不能直接更换测评体系`);
    }
    db.prepare('UPDATE dossier SET system_id = ? WHERE id = ?').run(systemId, dossierId);
    audit(db, 'set_system', 'dossier', dossierId, { systemId });
    return getDossier(db, dossierId);
  })();
}

function assertSystemExists(db: Db, systemId: number): void {
  if (!db.prepare('SELECT 1 FROM indicator_system WHERE id = ?').get(systemId)) {
    throw new ApiError('not_found', `测评体系不存在（编号 ${systemId}）`);
  }
}

/** The dossier a command acts on: the given one, or the only one in the archive. */
export function resolveDossier(db: Db, id?: number): Dossier {
  if (id !== undefined) return getDossier(db, id);
  const all = listDossiers(db);
  if (all.length === 1) return all[0];
  if (all.length === 0) throw new ApiError('not_found', '档案库中还没有档案，请先创建（dossier init）');
  throw new ApiError('bad_input', `档案库中有 ${all.length} 个档案，请用 --dossier 指定编号`);
}
