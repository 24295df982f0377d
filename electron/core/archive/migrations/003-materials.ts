// Migration 3: materials — DA/T 50 photo fields, EXIF and text-extraction state per blob,
// photo groups (组照). Released migrations are never edited; add a new file.
export const sql = `
ALTER TABLE material ADD COLUMN photo_time    TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN place         TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN people        TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN photographer  TEXT NOT NULL DEFAULT '';
ALTER TABLE material ADD COLUMN description   TEXT NOT NULL DEFAULT '';
CREATE INDEX material_trashed ON material(dossier_id, trashed_at);

-- What the file says about itself (EXIF: takenAt, gps, camera), JSON; '' when nothing.
ALTER TABLE blob ADD COLUMN exif TEXT NOT NULL DEFAULT '';
-- Text extraction for search: 'none' (no text kind), 'pending', 'done', 'failed'.
ALTER TABLE blob ADD COLUMN text_state TEXT NOT NULL DEFAULT 'none';

-- 组照: the photos of a photo_group material in order, each with its own caption. The group's
-- material.sha256 is its first photo, so every file the group shows is referenced by a row.
CREATE TABLE material_photo (
  material_id  INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  sha256       TEXT NOT NULL REFERENCES blob(sha256),
  original_name TEXT NOT NULL DEFAULT '',
  caption      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (material_id, position)
);
CREATE INDEX material_photo_sha ON material_photo(sha256);
`;
