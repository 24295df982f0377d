// Search in Chromium, as a clerk: a two-character word found in 150 reports, the material with
// it in its title listed first, the count said in full, and 显示更多 listing the rest.
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { reportText, seededRandom } from '../helpers/reportCorpus';
import { openPage, useBrowserMode } from './server';

describe('search in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-search-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    const { dossier } = await sampleDossier(t.api);
    const { db } = t.ctx.archive;
    const now = new Date().toISOString();
    const r = seededRandom(3);
    db.transaction(() => {
      for (let i = 0; i < 160; i += 1) {
        const sha = `e${i.toString(16).padStart(63, '0')}`;
        const body = `${reportText(r, 300)}${i < 150 ? '本单位组织无偿献血。' : ''}`;
        db.prepare("INSERT INTO blob (sha256, size, media_type, body_text, text_state, created_at) VALUES (?, 1, 'text/plain', ?, 'done', ?)").run(sha, body, now);
        const title = i === 120 ? '无偿献血活动总结' : `第${i + 1}号工作材料`;
        db.prepare("INSERT INTO material (dossier_id, kind, sha256, title, created_at, updated_at) VALUES (?, 'document', ?, ?, ?, ?)").run(dossier.id, sha, title, now, now);
      }
    })();
    await t.close(); // left waiting for the index: the server's indexer writes it, search scans meanwhile
  });

  it('lists the title match first, says how many, and lists more on 显示更多', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const search = page.getByLabel('搜索材料');
    await search.fill('献血');
    await search.press('Enter');
    const results = page.getByTestId('search-results');
    const count = results.getByTestId('search-count');
    await count.getByText('找到 150 份材料，只列出前 100 份，请输入更具体的词或加筛选条件').waitFor();
    expect(await results.getByTestId('material-title').first().innerText()).toBe('无偿献血活动总结');
    await results.getByTestId('search-more').click();
    await expect.poll(() => count.innerText()).toBe('找到 150 份材料');
    expect(await results.getByTestId('search-more').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
