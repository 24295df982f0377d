import { unitNamesIn, type CodeMode, type Indicator, type IndicatorKind, type IndicatorSystem } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { registerUnits } from '../units/repo';
import { codeModeOf } from './import/codeMode';
import type { ParsedSystem } from './import/types';

export interface IndicatorRow {
  id: number;
  system_id: number;
  parent_id: number | null;
  code: string;
  numbering: string;
  title: string;
  content: string;
  standard: string;
  methods: string;
  score: number | null;
  kind: IndicatorKind;
  required_materials: string;
  responsible_unit: string;
  responsible_person: string;
  deadline: string;
  position: number;
  depth: number;
}

export function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    systemId: row.system_id,
    parentId: row.parent_id,
    code: row.code,
    numbering: row.numbering,
    title: row.title,
    content: row.content,
    standard: row.standard,
    methods: JSON.parse(row.methods) as string[],
    score: row.score,
    kind: row.kind,
    requiredMaterials: row.required_materials,
    responsibleUnit: row.responsible_unit,
    responsiblePerson: row.responsible_person,
    deadline: row.deadline,
    position: row.position,
    depth: row.depth,
  };
}

/** Indicators of a system in tree pre-order (parents before children, siblings by position). */
export function listIndicators(db: Db, systemId: number): Indicator[] {
  if (!db.prepare('SELECT 1 FROM indicator_system WHERE id = ?').get(systemId)) {
    throw new ApiError('not_found', `测评体系不存在（编号 ${systemId}）`);
  }
  return (db.prepare('SELECT * FROM indicator WHERE system_id = ? ORDER BY position').all(systemId) as IndicatorRow[]).map(
    toIndicator,
  );
}

export function listSystems(db: Db): IndicatorSystem[] {
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT count(*) FROM indicator i WHERE i.system_id = s.id) AS n
       FROM indicator_system s ORDER BY s.id`,
    )
    .all() as { id: number; name: string; source: string; created_at: string; code_mode: CodeMode; n: number }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    source: r.source,
    createdAt: r.created_at,
    indicatorCount: r.n,
    codeMode: r.code_mode,
  }));
}

export function getSystem(db: Db, systemId: number): IndicatorSystem {
  const found = listSystems(db).find((s) => s.id === systemId);
  if (!found) throw new ApiError('not_found', `测评体系不存在（编号 ${systemId}）`);
  return found;
}

export function getIndicator(db: Db, indicatorId: number): Indicator {
  const row = db.prepare('SELECT * FROM indicator WHERE id = ?').get(indicatorId) as IndicatorRow | undefined;
  if (!row) throw new ApiError('not_found', `指标不存在（编号 ${indicatorId}），可能已被删除`);
  return toIndicator(row);
}

/** Save a parsed tree in one transaction: all of it or nothing. */
export function saveSystem(db: Db, parsed: ParsedSystem, source: string, options: { registerUnits?: boolean } = {}): IndicatorSystem {
  if (parsed.indicators.length === 0) throw new ApiError('bad_input', `“${source}”中没有找到任何指标`);
  return db.transaction(() => {
    const info = db
      .prepare('INSERT INTO indicator_system (name, source, created_at, code_mode) VALUES (?, ?, ?, ?)')
      .run(parsed.name, source, new Date().toISOString(), codeModeOf(parsed));
    const systemId = Number(info.lastInsertRowid);
    const insert = db.prepare(
      `INSERT INTO indicator (system_id, parent_id, code, numbering, title, content, standard, methods, score, kind,
         required_materials, responsible_unit, responsible_person, deadline, position, depth)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const idByCode = new Map<string, { id: number; depth: number }>();
    parsed.indicators.forEach((node, index) => {
      if (idByCode.has(node.code)) throw new ApiError('bad_input', `指标编码重复：${node.code}`);
      const parent = node.parentCode === null ? null : idByCode.get(node.parentCode);
      if (parent === undefined) {
        throw new ApiError('bad_input', `指标“${node.title}”（${node.code}）的上级编码 ${node.parentCode} 不存在或排在它之后`);
      }
      const depth = parent ? parent.depth + 1 : 1;
      const row = insert.run(
        systemId,
        parent ? parent.id : null,
        node.code,
        node.numbering,
        node.title,
        node.content,
        node.standard,
        JSON.stringify(node.methods),
        node.score,
        node.kind,
        node.requiredMaterials,
        node.responsibleUnit,
        node.responsiblePerson,
        node.deadline,
        index + 1,
        depth,
      );
      idByCode.set(node.code, { id: Number(row.lastInsertRowid), depth });
    });
    if (options.registerUnits) registerUnits(db, parsed.indicators.flatMap((i) => unitNamesIn(i.responsibleUnit)));
    audit(db, 'import', 'indicator_system', systemId, { source, count: parsed.indicators.length });
    return getSystem(db, systemId);
  })();
}

export function findIndicatorByCode(db: Db, systemId: number, code: string): Indicator {
  const row = db.prepare('SELECT * FROM indicator WHERE system_id = ? AND code = ?').get(systemId, code) as
    | IndicatorRow
    | undefined;
  if (!row) throw new ApiError('not_found', `测评体系中没有编码为 ${code} 的指标`);
  return toIndicator(row);
}
