// The main screen's start: its data is asked for once, side by side, while the page starts, and
// the screen is drawn with it; the indicator tree follows just after the first frame. A view
// other than the one guessed at start-up (a reload on an indicator) still gets its own data.
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { useBrowserMode } from './server';

async function prepare(archiveDir: string) {
  const t = openTestArchive(archiveDir);
  await sampleDossier(t.api);
  await t.close();
}

describe('the main screen’s start', () => {
  const suite = useBrowserMode('dossier-e2e-startup-', prepare);

  it('asks for each list once, draws the screen with it, then the tree', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const calls: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/([\w.]+)$/.exec(new URL(r.url()).pathname);
      if (m) calls.push(m[1]);
    });
    await page.goto(suite.server().url);
    await page.getByTestId('materials-panel').waitFor({ timeout: 60_000 });
    await page.getByTestId('indicator-tree').waitFor();
    const count = (method: string) => calls.filter((c) => c === method).length;
    expect({
      dossiers: count('dossiers.list'),
      indicators: count('indicators.list'),
      coverage: count('coverage.get'),
      materials: count('materials.index'),
    }).toEqual({ dossiers: 1, indicators: 1, coverage: 1, materials: 1 });
    // index.html's 正在打开档案库… made way for the screen.
    expect(await page.getByTestId('boot').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('opens a reloaded indicator view with that indicator’s materials, not the guessed list', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    await page.getByTestId('indicator-tree').waitFor({ timeout: 60_000 });
    const leaf = page.locator('[data-testid^="indicator-node-"]').filter({ has: page.getByTestId('missing-tag') }).first();
    await leaf.click();
    await page.getByText('本项材料').waitFor();
    const calls: string[] = [];
    page.on('request', (r) => {
      const body = r.postData();
      if (r.url().endsWith('/api/materials.index') && body) calls.push(body);
    });
    await page.reload();
    await page.getByText('本项材料').waitFor({ timeout: 60_000 });
    await expect.poll(() => calls.some((b) => /"indicatorId":\d+/.test(b))).toBe(true);
    await page.close();
  }, 120_000);
});
