import { STATEMENT_MAX_CHARS, statementLength } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getIndicator } from '../indicators/repo';
import { getDossier } from './repo';

// 结论性说明: what the unit says about one indicator, printed on its 测评材料提交表. Any
// indicator may carry one (a category's 提交表 too); an empty text removes it.

/** The dossier's statements by indicator id. */
export function listStatements(db: Db, dossierId: number): Map<number, string> {
  const rows = db.prepare('SELECT indicator_id, statement FROM indicator_statement WHERE dossier_id = ?').all(dossierId) as {
    indicator_id: number;
    statement: string;
  }[];
  return new Map(rows.map((r) => [r.indicator_id, r.statement]));
}

/** Line ends as one kind, no trailing blanks: what the clerk typed, as it will be printed. */
export function normalizeStatement(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

export function setStatement(db: Db, dossierId: number, indicatorId: number, text: string): { indicatorId: number; statement: string } {
  return db.transaction(() => {
    const dossier = getDossier(db, dossierId);
    const ind = getIndicator(db, indicatorId);
    if (ind.systemId !== dossier.systemId) throw new ApiError('conflict', '该指标不属于此档案所用的测评体系');
    const statement = normalizeStatement(text);
    const length = statementLength(statement);
    if (length > STATEMENT_MAX_CHARS) {
      throw new ApiError('bad_input', `“${ind.code} ${ind.title}”的结论性说明有 ${length} 字，最多 ${STATEMENT_MAX_CHARS} 字，请精简后再保存`);
    }
    const before = listStatements(db, dossierId).get(indicatorId) ?? '';
    if (statement === '') {
      db.prepare('DELETE FROM indicator_statement WHERE dossier_id = ? AND indicator_id = ?').run(dossierId, indicatorId);
    } else {
      db.prepare(
        `INSERT INTO indicator_statement (dossier_id, indicator_id, statement, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (dossier_id, indicator_id) DO UPDATE SET statement = excluded.statement, updated_at = excluded.updated_at`,
      ).run(dossierId, indicatorId, statement, new Date().toISOString());
    }
    if (before !== statement) audit(db, 'statement.set', 'dossier', dossierId, { indicatorId, code: ind.code, before, after: statement });
    return { indicatorId, statement };
  })();
}
