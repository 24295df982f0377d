// Migration 14: when a unit changed a material the lead had edited since the unit's last version
// was applied, the unit's version waits here until the lead chooses (bundles/conflicts.ts).
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
`;
