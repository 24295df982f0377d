// Migration 11: when a unit changed a material the lead had edited since the unit's last version
// was applied, the unit's version waits here until the lead chooses (bundles/conflicts.ts); and
// each 每半月汇报 is kept, so the progress shows its trend (bundles/progressHistory.ts).
export const sql = `
CREATE TABLE material_conflict (
  material_id   INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
  unit          TEXT NOT NULL,
  submission_id INTEGER NOT NULL REFERENCES submission(id),
  version       TEXT NOT NULL,
  -- The unit's version as its 报送包 had it: DA/T fields (JSON), indicator codes (JSON), a 组照's photos (JSON) or NULL.
  fields        TEXT NOT NULL,
  indicators    TEXT NOT NULL,
  photos        TEXT,
  received_at   TEXT NOT NULL,
  PRIMARY KEY (material_id, unit)
);

-- One kept 每半月汇报 per dossier and half month (the latest made in it): the per-unit figures as shown then (JSON UnitProgress[]).
CREATE TABLE progress_report (
  dossier_id  INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  period      TEXT NOT NULL,
  as_of       TEXT NOT NULL,
  made_at     TEXT NOT NULL,
  units       TEXT NOT NULL,
  PRIMARY KEY (dossier_id, period)
);
`;
