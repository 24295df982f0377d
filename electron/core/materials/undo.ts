import { randomUUID } from 'node:crypto';
import type { BulkUndoResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';

/** A fresh mark for the audit rows of one bulk action. */
export const newBatch = (): string => randomUUID();

const undoable = ['link', 'unlink', 'trash'] as const;
type Undoable = (typeof undoable)[number];

interface Row {
  id: number;
  action: Undoable;
  entity_id: string;
  indicator_id: number | null;
  position: number | null;
}

/**
 * Undo the dossier's last bulk 归入指标 / 移出指标 / 删除: exactly the rows that action changed
 * (a material that was already filed stays filed), each undo written to the log too. What was
 * changed again since (a material purged, a link already removed) is left as it is.
 */
export function undoLastBatch(db: Db, dossierId: number): BulkUndoResult {
  return db.transaction(() => {
    const last = db
      .prepare(
        `SELECT json_extract(a.detail, '$.batch') AS batch FROM audit_log a
         JOIN material m ON m.id = CAST(a.entity_id AS INTEGER)
         WHERE a.entity = 'material' AND m.dossier_id = ? AND json_extract(a.detail, '$.batch') IS NOT NULL
         ORDER BY a.id DESC LIMIT 1`,
      )
      .get(dossierId) as { batch: string } | undefined;
    if (!last) throw new ApiError('conflict', '没有可以撤销的批量操作');
    const done = db
      .prepare(`SELECT 1 FROM audit_log WHERE entity = 'material' AND json_extract(detail, '$.undoes') = ? LIMIT 1`)
      .get(last.batch);
    if (done) throw new ApiError('conflict', '最近一次批量操作已经撤销');
    const rows = db
      .prepare(
        `SELECT id, action, entity_id, json_extract(detail, '$.indicatorId') AS indicator_id,
                json_extract(detail, '$.position') AS position
         FROM audit_log WHERE entity = 'material' AND json_extract(detail, '$.batch') = ? ORDER BY id DESC`,
      )
      .all(last.batch) as Row[];
    const now = new Date().toISOString();
    let reverted = 0;
    for (const row of rows) {
      const materialId = Number(row.entity_id);
      const exists = db.prepare('SELECT trashed_at FROM material WHERE id = ?').get(materialId) as
        | { trashed_at: string | null }
        | undefined;
      if (!exists) continue;
      const undoes = { undoes: last.batch };
      if (row.action === 'trash') {
        if (!exists.trashed_at) continue;
        db.prepare('UPDATE material SET trashed_at = NULL, updated_at = ? WHERE id = ?').run(now, materialId);
        audit(db, 'restore', 'material', materialId, undoes);
      } else if (row.action === 'link' && row.indicator_id !== null) {
        const info = db
          .prepare('DELETE FROM material_indicator WHERE material_id = ? AND indicator_id = ?')
          .run(materialId, row.indicator_id);
        if (!info.changes) continue;
        audit(db, 'unlink', 'material', materialId, { indicatorId: row.indicator_id, ...undoes });
      } else if (row.action === 'unlink' && row.indicator_id !== null) {
        if (!db.prepare('SELECT 1 FROM indicator WHERE id = ?').get(row.indicator_id)) continue;
        const position =
          row.position ??
          (db
            .prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM material_indicator WHERE indicator_id = ?')
            .get(row.indicator_id) as { p: number }).p;
        const info = db
          .prepare('INSERT OR IGNORE INTO material_indicator (material_id, indicator_id, position) VALUES (?, ?, ?)')
          .run(materialId, row.indicator_id, position);
        if (!info.changes) continue;
        audit(db, 'link', 'material', materialId, { indicatorId: row.indicator_id, ...undoes });
      } else continue;
      reverted += 1;
    }
    return { action: rows[0]?.action ?? 'link', reverted };
  })();
}
