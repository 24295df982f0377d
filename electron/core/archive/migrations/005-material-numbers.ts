// Migration 5: a material's number is never given to another. The change log outlives a purged
// material (and a 组照's folded photos); SQLite would hand the highest number out again after
// the newest material was purged, and the new material would show the old one's history.
// `id_high_water` keeps the highest number ever used (rows or history); new materials take the
// next one (see materials/materialIds.ts).
export const sql = `
CREATE TABLE id_high_water (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
);
INSERT INTO id_high_water (name, value)
SELECT 'material', max(
  coalesce((SELECT max(id) FROM material), 0),
  coalesce((SELECT max(CAST(entity_id AS INTEGER)) FROM audit_log WHERE entity = 'material'), 0));
CREATE TRIGGER material_high_water AFTER INSERT ON material BEGIN
  UPDATE id_high_water SET value = max(value, NEW.id) WHERE name = 'material';
END;
`;
