// Migration 7: search over bigrams instead of trigrams (design notes: electron/core/search/README.md).
// The trigram table kept a second copy of every extracted text and could not serve two-character
// words; the new tables hold tokens only (contentless), the text stays once in blob.body_text.
// `facets` holds a material's dossier, kind, months and indicators as tokens, so that a filtered
// search is one index lookup. Every material waits in search_pending; the indexer writes its
// rows in the background (tokens are computed in JavaScript) while search scans what waits.
// The triggers mark a material whenever it is added or what its rows are made of changes, so
// no code path that writes a material has to remember the index. They test for an existing mark
// instead of INSERT OR IGNORE: an outer upsert (the blob insert) overrides a trigger's OR IGNORE.
export const sql = `
DROP TABLE IF EXISTS material_fts;
CREATE VIRTUAL TABLE search_bigram USING fts5(title, meta, body, facets, tokenize = 'ascii', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE search_char USING fts5(title, meta, body, facets, tokenize = 'ascii', content = '', contentless_delete = 1, detail = column);
-- Titles alone (bigrams and characters), so that title matches are listed first without a look
-- at every text that holds the word.
CREATE VIRTUAL TABLE search_title USING fts5(bigrams, chars, facets, tokenize = 'ascii', content = '', contentless_delete = 1);
CREATE TABLE search_pending (material_id INTEGER PRIMARY KEY REFERENCES material(id) ON DELETE CASCADE);
INSERT INTO search_pending (material_id) SELECT id FROM material;

CREATE TRIGGER material_search_gone AFTER DELETE ON material BEGIN
  DELETE FROM search_bigram WHERE rowid = OLD.id;
  DELETE FROM search_char WHERE rowid = OLD.id;
  DELETE FROM search_title WHERE rowid = OLD.id;
END;
CREATE TRIGGER material_search_added AFTER INSERT ON material BEGIN
  INSERT INTO search_pending (material_id) SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = NEW.id);
END;
CREATE TRIGGER material_search_changed AFTER UPDATE OF dossier_id, kind, sha256, title, original_name, responsible,
  doc_number, date, note, photo_time, place, people, photographer, description, trashed_at ON material BEGIN
  INSERT INTO search_pending (material_id) SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = NEW.id);
END;
CREATE TRIGGER material_search_linked AFTER INSERT ON material_indicator BEGIN
  INSERT INTO search_pending (material_id) SELECT NEW.material_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = NEW.material_id);
END;
-- Not when the material itself is being deleted (its links go with it).
CREATE TRIGGER material_search_unlinked AFTER DELETE ON material_indicator BEGIN
  INSERT INTO search_pending (material_id) SELECT id FROM material WHERE id = OLD.material_id
    AND NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = OLD.material_id);
END;
-- Text read later (a retried extraction, OCR) reaches every material showing the file.
CREATE TRIGGER material_search_text AFTER UPDATE OF body_text ON blob BEGIN
  INSERT INTO search_pending (material_id) SELECT id FROM material m WHERE m.sha256 = NEW.sha256
    AND NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = m.id);
END;
CREATE TRIGGER material_search_caption AFTER UPDATE OF caption ON material_photo BEGIN
  INSERT INTO search_pending (material_id) SELECT NEW.material_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = NEW.material_id);
END;
CREATE TRIGGER material_search_photo_added AFTER INSERT ON material_photo BEGIN
  INSERT INTO search_pending (material_id) SELECT NEW.material_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = NEW.material_id);
END;
CREATE TRIGGER material_search_photo_removed AFTER DELETE ON material_photo BEGIN
  INSERT INTO search_pending (material_id) SELECT id FROM material WHERE id = OLD.material_id
    AND NOT EXISTS (SELECT 1 FROM search_pending WHERE material_id = OLD.material_id);
END;
`;
