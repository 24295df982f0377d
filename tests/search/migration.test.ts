// An archive made before the bigram index (schema 6, trigram table with a copy of every text)
// opens with its materials found by two-character words at once (scanned while the index is
// written in the background, then through it) and the old table gone.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';
import { latestSchemaVersion } from '../../electron/core/archive/migrations';

describe('migration to the bigram index', () => {
  it('indexes an older archive’s materials again and drops the trigram copy', async () => {
    const dir = tempDir('dossier-search-migrate-');
    const archiveDir = path.join(dir, 'archive');
    let t = openTestArchive(archiveDir);
    const { dossier } = await sampleDossier(t.api);
    const file = path.join(dir, '献血活动总结.txt');
    fs.writeFileSync(file, '本季度组织无偿献血活动两次，参与职工八十人。');
    const materialId = (await t.api['materials.add']({ dossierId: dossier.id, paths: [file] })).added[0].material.id;
    await t.close();

    // Put the database back as schema 6 left it.
    const raw = new Database(path.join(archiveDir, 'archive.db'));
    for (const name of raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'material_search_%'").pluck().all()) {
      raw.exec(`DROP TRIGGER ${String(name)}`);
    }
    raw.exec(`DROP TABLE search_bigram; DROP TABLE search_char; DROP TABLE search_title; DROP TABLE search_pending;
      CREATE VIRTUAL TABLE material_fts USING fts5(title, meta, body, tokenize = 'trigram');
      DROP TABLE IF EXISTS indicator_statement; DROP TABLE IF EXISTS material_online_category;
      DELETE FROM schema_migration WHERE version >= 7;`);
    // Later migrations are undone too, so that they apply again after 7 (8: statements, 9: bundles, 10: OCR, 11: conflicts, 12: media).
    raw.exec(`DROP TABLE material_conflict; DROP TABLE progress_report; ALTER TABLE blob DROP COLUMN media; DROP TRIGGER material_uuid_given; DROP TRIGGER dossier_uuid_given; DROP INDEX material_uuid; DROP INDEX dossier_uuid;
      ALTER TABLE material DROP COLUMN uuid; ALTER TABLE dossier DROP COLUMN uuid;
      DROP TABLE material_review; DROP TABLE material_provenance; DROP TABLE submission; DROP TABLE task_round;
      DROP TABLE material_sent; DROP TABLE task_link; DROP TABLE unit_key; DROP TABLE archive_key;
      DROP INDEX blob_ocr_pending; DROP TABLE blob_ocr_page; ALTER TABLE material DROP COLUMN is_document;
      ALTER TABLE blob DROP COLUMN ocr_state; ALTER TABLE blob DROP COLUMN ocr_error; ALTER TABLE blob DROP COLUMN ocr_claimed_until;
      ALTER TABLE blob DROP COLUMN layer_text;`);
    raw.prepare("INSERT INTO material_fts (rowid, title, meta, body) SELECT m.id, m.title, '', b.body_text FROM material m JOIN blob b ON b.sha256 = m.sha256").run();
    raw.close();

    t = openTestArchive(archiveDir);
    try {
      const found = await t.api['materials.search']({ dossierId: dossier.id, query: '献血', filters: {} });
      expect(found.hits.map((h) => h.material.id)).toEqual([materialId]);
      expect(found.hits[0].snippet).toContain('无偿献血活动');
      const { db } = t.ctx.archive;
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'material_fts'").pluck().get()).toBe(0);
      // The background indexer writes the waiting rows; the same search then goes through them.
      await vi.waitFor(() => expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0));
      expect(db.prepare("SELECT rowid FROM search_bigram WHERE search_bigram MATCH '\"献血\"'").pluck().all()).toEqual([materialId]);
      const again = await t.api['materials.search']({ dossierId: dossier.id, query: '献血', filters: {} });
      expect(again.hits.map((h) => h.material.id)).toEqual([materialId]);
      expect(db.prepare('SELECT max(version) FROM schema_migration').pluck().get()).toBe(latestSchemaVersion);
    } finally {
      await t.close();
    }
  });
});
