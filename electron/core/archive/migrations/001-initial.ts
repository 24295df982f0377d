// Migration 1: the initial schema. Released migrations are never edited; add a new file.
export const sql = `
CREATE TABLE indicator_system (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE indicator (
  id                  INTEGER PRIMARY KEY,
  system_id           INTEGER NOT NULL REFERENCES indicator_system(id) ON DELETE CASCADE,
  parent_id           INTEGER REFERENCES indicator(id) ON DELETE CASCADE,
  code                TEXT NOT NULL,
  numbering           TEXT NOT NULL DEFAULT '',
  title               TEXT NOT NULL,
  content             TEXT NOT NULL DEFAULT '',
  standard            TEXT NOT NULL DEFAULT '',
  methods             TEXT NOT NULL DEFAULT '[]',
  score               REAL,
  kind                TEXT NOT NULL DEFAULT 'scored' CHECK (kind IN ('scored','veto','bonus')),
  required_materials  TEXT NOT NULL DEFAULT '',
  responsible_unit    TEXT NOT NULL DEFAULT '',
  position            INTEGER NOT NULL,
  depth               INTEGER NOT NULL,
  UNIQUE (system_id, code)
);
CREATE INDEX indicator_parent ON indicator(parent_id);

CREATE TABLE dossier (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  unit             TEXT NOT NULL DEFAULT '',
  period           TEXT NOT NULL DEFAULT '',
  system_id        INTEGER REFERENCES indicator_system(id),
  inspection_date  TEXT,
  created_at       TEXT NOT NULL
);

CREATE TABLE blob (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL,
  media_type  TEXT NOT NULL,
  page_count  INTEGER,
  width       INTEGER,
  height      INTEGER,
  encrypted   INTEGER NOT NULL DEFAULT 0,
  body_text   TEXT NOT NULL DEFAULT '',
  thumbnail   INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

CREATE TABLE material (
  id              INTEGER PRIMARY KEY,
  dossier_id      INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL,
  sha256          TEXT NOT NULL REFERENCES blob(sha256),
  original_name   TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL,
  responsible     TEXT NOT NULL DEFAULT '',
  doc_number      TEXT NOT NULL DEFAULT '',
  date            TEXT NOT NULL DEFAULT '',
  security_level  TEXT NOT NULL DEFAULT '',
  retention       TEXT NOT NULL DEFAULT '',
  pages           INTEGER,
  note            TEXT NOT NULL DEFAULT '',
  trashed_at      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX material_dossier ON material(dossier_id);
CREATE INDEX material_sha ON material(sha256);

CREATE TABLE material_indicator (
  material_id   INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL DEFAULT 0,
  note          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (material_id, indicator_id)
);
CREATE INDEX material_indicator_by_indicator ON material_indicator(indicator_id);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  detail     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Trigram FTS: substring search for Chinese without a word segmenter; rowid = material.id.
CREATE VIRTUAL TABLE material_fts USING fts5(title, meta, body, tokenize = 'trigram');
`;
