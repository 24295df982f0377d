// A word in more materials than the count cap: the count stops at the cap and says so (“1000 份以上”),
// the first page is still the first materials in order, and a filter that narrows below the cap
// counts exactly again.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCountText } from '../../shared/domain';
import { COUNT_CAP } from '../../electron/core/search/search';
import { indexAllPending } from '../../electron/core/search/searchIndex';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

describe('search count cap', () => {
  const dir = tempDir('dossier-search-cap-');
  let t: TestArchive;
  let dossierId: number;
  const many = COUNT_CAP + 50;

  beforeAll(async () => {
    t = openTestArchive(path.join(dir, 'archive'));
    t.ctx.searchIndexer.stop();
    dossierId = (await sampleDossier(t.api)).dossier.id;
    const { db } = t.ctx.archive;
    const now = new Date().toISOString();
    const blob = db.prepare("INSERT INTO blob (sha256, size, media_type, body_text, text_state, created_at) VALUES (?, 1, 'text/plain', ?, 'done', ?)");
    const material = db.prepare(
      'INSERT INTO material (dossier_id, kind, sha256, title, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let i = 0; i < many; i += 1) {
        const sha = i.toString(16).padStart(64, '0');
        blob.run(sha, `第${i}次志愿服务活动记录`, now);
        material.run(dossierId, i % 100 === 0 ? 'photo' : 'document', sha, `活动记录${i}`, '20240301', now, now);
      }
    })();
    indexAllPending(db);
  }, 120_000);
  afterAll(async () => t?.close());

  it('stops counting at the cap and says there are more', async () => {
    const result = await t.api['materials.search']({ dossierId, query: '志愿', filters: {} });
    expect(result.total).toBe(COUNT_CAP);
    expect(result.totalCapped).toBe(true);
    expect(result.truncated).toBe(true);
    expect(searchCountText(result)).toContain(`找到 ${COUNT_CAP} 份以上材料`);
    expect(result.hits[0].snippet).toContain('志愿');
  });

  it('counts exactly when a filter keeps fewer than the cap', async () => {
    const result = await t.api['materials.search']({ dossierId, query: '志愿', filters: { kinds: ['photo'] } });
    expect(result.total).toBe(Math.ceil(many / 100));
    expect(result.totalCapped).toBe(false);
  });
});
