// Migration 9: 成员单位报送 — exchanging 任务包 and 报送包 between archives (bundles/FORMAT.md).
// Materials and dossiers gain a stable UUID beside their local number, so that a newer bundle
// updates instead of duplicating and 退回 items find their way back. Triggers give new rows
// their UUID, so no code path that inserts a material or a dossier has to remember it.
export const sql = `
ALTER TABLE material ADD COLUMN uuid TEXT;
ALTER TABLE dossier ADD COLUMN uuid TEXT;
UPDATE material SET uuid = lower(hex(randomblob(16))) WHERE uuid IS NULL;
UPDATE dossier SET uuid = lower(hex(randomblob(16))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX material_uuid ON material(uuid);
CREATE UNIQUE INDEX dossier_uuid ON dossier(uuid);
CREATE TRIGGER material_uuid_given AFTER INSERT ON material WHEN NEW.uuid IS NULL BEGIN
  UPDATE material SET uuid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER dossier_uuid_given AFTER INSERT ON dossier WHEN NEW.uuid IS NULL BEGIN
  UPDATE dossier SET uuid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- This archive's Ed25519 key pair (PKCS#8 / SPKI, DER, base64); made at its first bundle.
CREATE TABLE archive_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  public_key  TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- Lead: the key each unit signed its first 报送包 with (pinned).
CREATE TABLE unit_key (
  unit        TEXT PRIMARY KEY,
  public_key  TEXT NOT NULL,
  pinned_at   TEXT NOT NULL
);

-- Unit: a 报送档案 made from a 任务包 — which lead dossier it answers, the lead's pinned key,
-- the last 任务包 round applied and the 报送包 rounds sent.
CREATE TABLE task_link (
  dossier_id      INTEGER PRIMARY KEY REFERENCES dossier(id) ON DELETE CASCADE,
  lead_dossier    TEXT NOT NULL,
  unit            TEXT NOT NULL,
  lead_key        TEXT NOT NULL,
  task_round      INTEGER NOT NULL,
  submit_round    INTEGER NOT NULL DEFAULT 0,
  opened_at       TEXT NOT NULL,
  UNIQUE (lead_dossier, unit)
);

-- Unit: what each material looked like when last sent (for --changed-only and withdrawals).
CREATE TABLE material_sent (
  material_id  INTEGER PRIMARY KEY REFERENCES material(id) ON DELETE CASCADE,
  uuid         TEXT NOT NULL,
  version      TEXT NOT NULL,
  sent_round   INTEGER NOT NULL
);

-- Lead: 任务包 rounds given to each unit.
CREATE TABLE task_round (
  dossier_id  INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  unit        TEXT NOT NULL,
  round       INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, unit)
);

-- Lead: every 报送包 imported.
CREATE TABLE submission (
  id           INTEGER PRIMARY KEY,
  dossier_id   INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  unit         TEXT NOT NULL,
  bundle_id    TEXT NOT NULL UNIQUE,
  round        INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX submission_unit ON submission(dossier_id, unit, round);

-- Lead: which unit provided a material (a duplicate across units: one row per unit, one
-- material), the unit's UUID for it, the version last applied and when.
CREATE TABLE material_provenance (
  material_id    INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
  unit           TEXT NOT NULL,
  remote_uuid    TEXT NOT NULL,
  version        TEXT NOT NULL,
  submission_id  INTEGER NOT NULL REFERENCES submission(id),
  submitted_at   TEXT NOT NULL,
  applied_at     TEXT NOT NULL,
  PRIMARY KEY (material_id, unit),
  UNIQUE (unit, remote_uuid)
);

-- 材料审核: 'pending' (待审), 'passed' (通过), 'returned' (退回). On the lead for what units sent;
-- on a unit for what the lead's 任务包 said of its materials.
CREATE TABLE material_review (
  material_id  INTEGER PRIMARY KEY REFERENCES material(id) ON DELETE CASCADE,
  state        TEXT NOT NULL CHECK (state IN ('pending','passed','returned')),
  comment      TEXT NOT NULL DEFAULT '',
  at           TEXT NOT NULL
);
`;
