// Migration 6: 件号 and 档号 are stored when a material is numbered (归档) and never given out
// again (DA/T 22). The 档号 rule moves from each packet definition to the dossier: one archive,
// one numbering. Released migrations are never edited; add a new file.
export const sql = `
-- The dossier's 档号 rule (JSON: pattern, fondsNumber, itemDigits, defaultRetention); '' = defaults.
ALTER TABLE dossier ADD COLUMN archival_rule TEXT NOT NULL DEFAULT '';
UPDATE dossier SET archival_rule = coalesce(
  (SELECT json_extract(p.definition, '$.archivalCode') FROM packet p
   WHERE p.dossier_id = dossier.id AND json_extract(p.definition, '$.archivalCode.pattern') IS NOT NULL
   ORDER BY p.updated_at DESC LIMIT 1), '');

-- 件号 within its class (the 档号 without its 件号, e.g. “Z01-2024-D10”), the 档号 as written,
-- its parts as the 归档章 shows them (JSON), and when it was numbered.
ALTER TABLE material ADD COLUMN item_number    INTEGER;
ALTER TABLE material ADD COLUMN archival_class TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN archival_code  TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN archival_parts TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN archived_at    TEXT;
CREATE UNIQUE INDEX material_item_number ON material(dossier_id, archival_class, item_number) WHERE item_number IS NOT NULL;

-- The highest 件号 ever given per class, so a purged material's number is not given again.
CREATE TABLE item_number_high_water (
  dossier_id     INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  archival_class TEXT NOT NULL,
  value          INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, archival_class)
);

-- 件号 that left with their material (purged, or folded into a 组照): accounted for, not gaps.
CREATE TABLE item_number_void (
  dossier_id     INTEGER NOT NULL,
  archival_class TEXT NOT NULL,
  item_number    INTEGER NOT NULL,
  archival_code  TEXT NOT NULL,
  material_id    INTEGER NOT NULL,
  title          TEXT NOT NULL,
  voided_at      TEXT NOT NULL,
  PRIMARY KEY (dossier_id, archival_class, item_number)
);
CREATE TRIGGER material_item_number_void AFTER DELETE ON material WHEN OLD.item_number IS NOT NULL BEGIN
  INSERT OR REPLACE INTO item_number_void (dossier_id, archival_class, item_number, archival_code, material_id, title, voided_at)
  VALUES (OLD.dossier_id, OLD.archival_class, OLD.item_number, OLD.archival_code, OLD.id, OLD.title, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
`;
