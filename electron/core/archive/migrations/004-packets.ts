// Migration 4: saved packet definitions (迎检资料方案), exportable again after materials change.
// The definition is one JSON document (validated by shared/api/packets.ts on the way in), so
// adding an option later needs no schema change.
export const sql = `
CREATE TABLE packet (
  id          INTEGER PRIMARY KEY,
  dossier_id  INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  definition  TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX packet_dossier ON packet(dossier_id);
`;
