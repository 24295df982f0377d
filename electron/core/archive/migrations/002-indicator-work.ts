// Migration 2: what clerks add to an imported 测评体系 — responsible person and deadline per
// indicator, the register of responsible units, per-dossier self-evaluation and pass line, and
// how a system's codes behave when the tree is edited. Released migrations are never edited.
export const sql = `
ALTER TABLE indicator ADD COLUMN responsible_person TEXT NOT NULL DEFAULT '';
ALTER TABLE indicator ADD COLUMN deadline TEXT NOT NULL DEFAULT '';

-- 'position': codes are 1, 1.2, 1.2.3 by place in the tree and follow edits;
-- 'sheet': the sheet's own 编码 column named them, so they are kept as they are.
ALTER TABLE indicator_system ADD COLUMN code_mode TEXT NOT NULL DEFAULT 'position'
  CHECK (code_mode IN ('position','sheet'));

CREATE TABLE responsible_unit (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL DEFAULT 'department' CHECK (kind IN ('group','lead','member','department')),
  persons     TEXT NOT NULL DEFAULT '[]',
  created_at  TEXT NOT NULL
);

ALTER TABLE dossier ADD COLUMN pass_line REAL;

CREATE TABLE self_evaluation (
  dossier_id    INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  score         REAL,
  veto_status   TEXT CHECK (veto_status IN ('excluded','present')),
  note          TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (dossier_id, indicator_id)
);
CREATE INDEX self_evaluation_by_indicator ON self_evaluation(indicator_id);
`;
