// An iPhone HEIC in the browser, as a clerk meets it: added through the file input, its
// thumbnail in the list and its preview in the drawer really show (Chromium cannot show HEIC
// itself: the page gets a JPEG rendition), upright, with the EXIF camera shown.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, repoRoot, sampleDossier } from '../helpers/tempArchive';
import { openPage, openTab, useBrowserMode } from './server';

const STEP_MS = 60_000;
type Img = { complete: boolean; naturalWidth: number; naturalHeight: number };

describe('HEIC photos in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-heic-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    await sampleDossier(t.api);
    await t.close();
  });

  it('adds an iPhone photo and shows its thumbnail and preview upright', async () => {
    const photo = path.join(suite.tmp, '道德讲堂合影.heic');
    fs.copyFileSync(path.join(repoRoot, 'tests/fixtures/photos/iphone-portrait.heic'), photo);
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('indicator-node-1.1').click();
    await page.getByTestId('add-materials').locator('input[type=file]').setInputFiles([photo]);
    await page.getByTestId('add-report').getByText(/已添加 1 份材料/).waitFor({ timeout: STEP_MS });

    const list = page.getByTestId('material-list');
    const row = list.getByTestId('material-row').filter({ hasText: '道德讲堂合影' });
    const size = (img: import('playwright-core').Locator) =>
      img.evaluate((el) => {
        const i = el as unknown as Img;
        return i.complete ? `${i.naturalWidth}x${i.naturalHeight}` : 'loading';
      });
    await expect.poll(() => size(row.locator('img[data-testid="material-thumb"]')), { timeout: STEP_MS }).toBe('213x320');

    await row.getByTestId('material-title').click();
    const drawer = page.getByTestId('material-drawer');
    expect(await drawer.getByTestId('exif').innerText()).toContain('Apple iPhone 13');
    await openTab(drawer, '预览');
    const preview = drawer.getByTestId('image-preview').locator('xpath=descendant-or-self::img').first();
    await expect.poll(() => size(preview).catch(() => 'absent'), { timeout: STEP_MS }).toBe('320x480');
    expect(errors).toEqual([]);
  }, 180_000);
});
