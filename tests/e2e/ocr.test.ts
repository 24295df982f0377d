// OCR as a clerk meets it in the browser (issue 14, point 1): a scanned PDF added through the
// file input is stored at once and read in the background; its drawer says which pages OCR read;
// a phone photo of a 红头文件 is read once marked as a document; search finds words only in them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scannedPageJpeg, scannedPdf } from '../helpers/scannedPdf';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { openPage, useBrowserMode } from './server';

const STEP_MS = 60_000;
const OCR_MS = 180_000;

describe('OCR in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-ocr-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    await sampleDossier(t.api);
    await t.close();
  });

  it('reads a scan after adding it, says which pages, reads a marked photo, and search finds their words', async () => {
    const scan = path.join(suite.tmp, '垃圾分类通知（扫描件）.pdf');
    fs.writeFileSync(scan, await scannedPdf([['关于开展垃圾分类宣传周的通知'], ['请各社区于周五前上报宣传员名单。']]));
    const photo = path.join(suite.tmp, '红头文件照片.jpg');
    fs.writeFileSync(photo, await scannedPageJpeg(['关于表彰优秀网格员的决定']));
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('indicator-node-1.1').click();
    await page.getByTestId('add-materials').locator('input[type=file]').setInputFiles([scan, photo]);
    await page.getByTestId('add-report').getByText(/已添加 2 份材料/).waitFor({ timeout: STEP_MS });

    const rows = page.getByTestId('material-list').getByTestId('material-row');
    await rows.filter({ hasText: '垃圾分类通知' }).getByTestId('material-title').click();
    const drawer = page.getByTestId('material-drawer');
    const tag = drawer.getByTestId('material-ocr');
    // Read in the background; the open drawer follows it without a reload.
    await tag.getByText('已文字识别（2 页）').waitFor({ timeout: OCR_MS });
    await tag.hover();
    await page.getByRole('tooltip').getByText('第 1、2 页的文字由 OCR 识别').waitFor();
    await page.mouse.move(10, 700);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    // Closed by its own button: Escape reaches the drawer only while it holds the focus.
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // A photo is a photo until the clerk marks it as a document.
    await rows.filter({ hasText: '红头文件照片' }).getByTestId('material-title').click();
    expect(await drawer.getByTestId('material-ocr').count()).toBe(0);
    await drawer.getByTestId('toggle-document').click();
    await drawer.getByTestId('material-ocr').getByText('已文字识别').waitFor({ timeout: OCR_MS });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    const box = page.getByTestId('search-box').locator('input');
    for (const [word, title] of [
      ['宣传员名单', '垃圾分类通知（扫描件）'],
      ['优秀网格员', '红头文件照片'],
    ]) {
      await box.fill(word);
      await box.press('Enter');
      const results = page.getByTestId('search-results');
      await results.getByTestId('material-row').filter({ hasText: title }).waitFor({ timeout: STEP_MS });
      expect(await results.getByTestId('material-row').count()).toBe(1);
      expect(await results.getByTestId('search-count').innerText()).toContain('找到 1 份材料');
    }
    expect(errors).toEqual([]);
  }, 600_000);
});
