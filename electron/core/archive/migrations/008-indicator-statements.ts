// Migration 8: the 结论性说明 per indicator of a dossier — the unit's own statement (≤ 500
// characters) of how it meets the standard, printed on the indicator's 测评材料提交表. Apart from
// self_evaluation because a statement may stand on a category too, and a category has no score.
export const sql = `
CREATE TABLE indicator_statement (
  dossier_id    INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  statement     TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (dossier_id, indicator_id)
);
CREATE INDEX indicator_statement_by_indicator ON indicator_statement(indicator_id);
`;
