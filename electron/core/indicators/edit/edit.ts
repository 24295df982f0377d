import type { DeleteIndicatorResult, Indicator, IndicatorFields } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import type { Db } from '../../archive/database';
import { audit } from '../../audit/auditLog';
import { getIndicator } from '../repo';
import { columnValue, FIELD_COLUMNS } from './fields';
import { loadTree, saveTree, type SystemTree } from './layout';

// Every edit runs in one transaction with its audit entry (entity 'indicator', with the system
// and code in the detail).

export function createIndicator(
  db: Db,
  input: { systemId: number; parentId: number | null; index?: number; fields: Partial<IndicatorFields> & { title: string } },
): Indicator {
  return db.transaction(() => {
    const tree = loadTree(db, input.systemId);
    if (input.parentId !== null) assertInTree(tree, input.parentId);
    const code = tree.freeCode(input.parentId);
    const info = db
      .prepare(
        `INSERT INTO indicator (system_id, parent_id, code, title, position, depth) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.systemId, input.parentId, code, input.fields.title, 0, 0);
    const id = Number(info.lastInsertRowid);
    writeFields(db, id, input.fields);
    const node = { id, parentId: input.parentId, position: 0, code, depth: 0 };
    tree.byId.set(id, node);
    const siblings = tree.kids(input.parentId);
    siblings.splice(clampIndex(input.index, siblings.length), 0, node);
    saveTree(db, tree);
    const created = getIndicator(db, id);
    audit(db, 'indicator.create', 'indicator', id, { systemId: input.systemId, code: created.code, title: created.title });
    return created;
  })();
}

export function updateIndicator(db: Db, indicatorId: number, patch: Partial<IndicatorFields>): Indicator {
  return db.transaction(() => {
    const before = getIndicator(db, indicatorId);
    writeFields(db, indicatorId, patch);
    const after = getIndicator(db, indicatorId);
    const changes = Object.fromEntries(
      (Object.keys(patch) as (keyof IndicatorFields)[])
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    if (Object.keys(changes).length > 0) {
      audit(db, 'indicator.update', 'indicator', indicatorId, { systemId: before.systemId, code: after.code, changes });
    }
    return after;
  })();
}

/** Move under another parent (null: top level) at `index` among its children; also reorders. */
export function moveIndicator(db: Db, indicatorId: number, parentId: number | null, index: number): Indicator {
  return db.transaction(() => {
    const before = getIndicator(db, indicatorId);
    const tree = loadTree(db, before.systemId);
    if (parentId !== null) {
      assertInTree(tree, parentId);
      if (tree.subtree(indicatorId).includes(parentId)) {
        throw new ApiError('bad_input', `不能把“${before.title}”移到它自己或它的下级之下`);
      }
    }
    const node = tree.byId.get(indicatorId)!;
    const from = tree.kids(before.parentId);
    from.splice(from.indexOf(node), 1);
    const to = tree.kids(parentId);
    to.splice(clampIndex(index, to.length), 0, node);
    saveTree(db, tree);
    const after = getIndicator(db, indicatorId);
    audit(db, 'indicator.move', 'indicator', indicatorId, {
      systemId: before.systemId,
      from: { parentId: before.parentId, code: before.code },
      to: { parentId, code: after.code, index },
    });
    return after;
  })();
}

/**
 * Delete an indicator and everything below it. Refused while materials are linked anywhere in
 * that subtree, unless `moveMaterialsTo` names another indicator of the same system: the links
 * move there first (a material already filed there keeps its one link).
 */
export function deleteIndicator(db: Db, indicatorId: number, moveMaterialsTo?: number): DeleteIndicatorResult {
  return db.transaction(() => {
    const target = getIndicator(db, indicatorId);
    const tree = loadTree(db, target.systemId);
    const ids = tree.subtree(indicatorId);
    const marks = ids.map(() => '?').join(',');
    const links = db
      .prepare(`SELECT material_id AS materialId, indicator_id AS indicatorId FROM material_indicator WHERE indicator_id IN (${marks})`)
      .all(...ids) as { materialId: number; indicatorId: number }[];
    if (links.length > 0 && moveMaterialsTo === undefined) {
      const materials = new Set(links.map((l) => l.materialId)).size;
      throw new ApiError(
        'conflict',
        `指标“${target.code} ${target.title}”${ids.length > 1 ? '及其下级' : ''}已归集 ${materials} 份材料（含回收站中的），不能删除。请先把这些材料移到其他指标，再删除`,
      );
    }
    if (links.length > 0 && moveMaterialsTo !== undefined) {
      assertInTree(tree, moveMaterialsTo);
      if (ids.includes(moveMaterialsTo)) throw new ApiError('bad_input', '材料要移到的指标正是要删除的指标或它的下级，请另选一个');
      const insert = db.prepare(
        `INSERT OR IGNORE INTO material_indicator (material_id, indicator_id, position, note)
         SELECT material_id, ?, (SELECT coalesce(max(position), 0) + 1 FROM material_indicator WHERE indicator_id = ?), note
         FROM material_indicator WHERE material_id = ? AND indicator_id = ?`,
      );
      for (const l of links) insert.run(moveMaterialsTo, moveMaterialsTo, l.materialId, l.indicatorId);
      db.prepare(`DELETE FROM material_indicator WHERE indicator_id IN (${marks})`).run(...ids);
    }
    // Children first: the parent FK cascades, but explicit order keeps it independent of that.
    const remove = db.prepare('DELETE FROM indicator WHERE id = ?');
    for (const id of [...ids].reverse()) remove.run(id);
    const siblings = tree.kids(target.parentId);
    siblings.splice(siblings.findIndex((n) => n.id === indicatorId), 1);
    for (const id of ids) tree.byId.delete(id);
    saveTree(db, tree);
    audit(db, 'indicator.delete', 'indicator', indicatorId, {
      systemId: target.systemId,
      code: target.code,
      title: target.title,
      deleted: ids.length,
      movedLinks: links.length,
      moveMaterialsTo: moveMaterialsTo ?? null,
    });
    return { deleted: ids.length, movedLinks: links.length };
  })();
}

function writeFields(db: Db, id: number, fields: Partial<IndicatorFields>): void {
  for (const key of Object.keys(fields) as (keyof IndicatorFields)[]) {
    const value = fields[key];
    if (value === undefined) continue;
    db.prepare(`UPDATE indicator SET ${FIELD_COLUMNS[key]} = ? WHERE id = ?`).run(columnValue(key, value), id);
  }
}

function assertInTree(tree: SystemTree, id: number): void {
  if (!tree.byId.has(id)) throw new ApiError('not_found', `指标（编号 ${id}）不存在或不属于同一测评体系`);
}

function clampIndex(index: number | undefined, length: number): number {
  return index === undefined ? length : Math.max(0, Math.min(index, length));
}
