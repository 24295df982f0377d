// Issue 16 points 4, 6 and 8 in browser mode at 1366×768, as a clerk does them: a bad 档号规则
// is named at its field in Chinese, technical text only under 详细信息; a 会议纪要 in search
// results is a 会议纪要, not a JSON file; a folder is imported with the browser's folder picker;
// coverage and 自评 are drawn as charts. Screenshots go to docs/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinesePdf } from '../packets/fixtures';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { clickUntil, openPage, repoRoot, useBrowserMode } from './server';

const screenshots = path.join(repoRoot, 'docs/screenshots');
const viewport = { width: 1366, height: 768 };

describe('a clerk’s messages, pickers and charts (browser mode, 1366×768)', () => {
  const suite = useBrowserMode('dossier-e2e-points-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    const { dossier, indicators } = await sampleDossier(t.api);
    const leaf = indicators.find((i) => !indicators.some((c) => c.parentId === i.id))!;
    await t.api['materials.saveMinutes']({
      dossierId: dossier.id,
      form: { meetingName: '创建工作推进会', time: '2023年6月15日', place: '三楼会议室', topics: '部署志愿服务献血活动' },
      indicatorIds: [leaf.id],
    });
    await t.close();
  });

  const newPage = async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.setViewportSize(viewport);
    return { page, errors };
  };

  it('names a bad 档号规则 at its field in Chinese, and keeps technical text under 详细信息', async () => {
    const { page } = await newPage();
    await page.getByTestId('export-button').click();
    const editor = page.getByTestId('packet-editor');
    await clickUntil(page.getByTestId('packet-new'), editor);
    await editor.getByText('版式、档号与归档章').click();
    // The dossier's saved rule is read when the editor opens: type once it is there.
    await expect.poll(() => page.getByTestId('archival-pattern').inputValue()).toContain('{件号}');
    await page.getByTestId('archival-pattern').fill('{年度}-{保管期限}');
    await page.getByTestId('packet-save').click();
    // The message under the field, the field marked red.
    const message = editor.getByText('档号规则必须包含 {件号}', { exact: true });
    await message.waitFor();
    expect(await page.getByTestId('archival-pattern').evaluate((el) => el.closest('.ant-input-status-error, .ant-form-item-has-error') !== null || el.classList.contains('ant-input-status-error'))).toBe(true);
    // At the field only: no notification, and nothing technical anywhere on the page.
    expect(await page.locator('.ant-notification-notice').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/参数无效|setArchivalRule|rule\.pattern|packets\.create/);
    // Typing again clears the message.
    await page.getByTestId('archival-pattern').fill('{年度}-{件号}');
    await expect.poll(() => message.count()).toBe(0);
    fs.mkdirSync(screenshots, { recursive: true });

    // A failure the clerk cannot fix (the disk, a bug): a plain sentence, the detail folded for support.
    await page.route('**/api/packets.create', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'internal', message: '程序内部出错，这次操作没有完成；请重试，仍不行请把“详细信息”交给技术支持', detail: "TypeError: Cannot read properties of undefined (reading 'sha256')" },
        }),
      }),
    );
    await page.getByTestId('packet-save').click();
    const notice = page.locator('.ant-notification-notice');
    await notice.getByText('程序内部出错').waitFor();
    expect(await notice.innerText()).not.toContain('TypeError');
    await notice.getByText('详细信息', { exact: true }).click();
    await notice.getByText(/TypeError: Cannot read properties/).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'error-details.jpg'), type: 'jpeg', quality: 70 });
    await page.close();
  }, 120_000);

  it('shows a 会议纪要 in search results as 会议纪要 with its date, and snippets with their field', async () => {
    const { page } = await newPage();
    const search = page.getByLabel('搜索材料');
    await search.fill('会议室');
    await search.press('Enter');
    const results = page.getByTestId('search-results');
    const title = results.getByTestId('material-title').first();
    await title.waitFor();
    expect(await title.getAttribute('title')).toBe('创建工作推进会\n会议纪要 · 2023-06-15');
    expect(await results.innerText()).not.toMatch(/\.json|\d+ B\b|application\//);
    await page.screenshot({ path: path.join(screenshots, 'search-minutes.jpg'), type: 'jpeg', quality: 70 });
    await page.close();
  }, 120_000);

  it('imports a whole folder with the browser’s folder picker', async () => {
    const folder = path.join(suite.tmp, '六月活动材料');
    fs.mkdirSync(folder, { recursive: true });
    await chinesePdf(path.join(folder, '志愿服务活动方案.pdf'), ['志愿服务活动方案正文']);
    await chinesePdf(path.join(folder, '志愿服务活动总结.pdf'), ['志愿服务活动总结正文']);
    const { page } = await newPage();
    await page.getByTestId('add-folder').locator('input[type=file]').setInputFiles(folder);
    await page.getByTestId('add-report').getByText(/已添加 2 份材料/).waitFor({ timeout: 60_000 });
    const list = page.getByTestId('material-list');
    await list.getByText('志愿服务活动方案', { exact: true }).waitFor();
    await list.getByText('志愿服务活动总结', { exact: true }).waitFor();
    await page.close();
  }, 120_000);

  it('draws coverage and 自评 as charts with Chinese labels', async () => {
    const { page } = await newPage();
    await page.getByTestId('open-selfeval').click();
    const card = page.getByTestId('charts-card');
    await card.getByText('各一级指标材料覆盖').waitFor();
    for (const id of ['chart-coverage', 'chart-selfeval']) {
      const canvas = page.getByTestId(id).locator('canvas').first();
      await canvas.waitFor({ timeout: 30_000 });
      // Drawn: the canvas has a size and pixels that are not blank.
      await expect
        .poll(
          () =>
            canvas.evaluate((el) => {
              // The Node typings have no DOM: the canvas is described as far as used.
              const c = el as unknown as {
                width: number;
                height: number;
                getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
              };
              const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let inked = 0;
              for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
              return c.width > 100 && c.height > 50 ? inked : 0;
            }),
          { timeout: 15_000 },
        )
        .toBeGreaterThan(500);
    }
    // The chart's accessible description (ECharts aria) names the series in Chinese.
    expect(await page.getByTestId('chart-coverage').getAttribute('aria-label')).toMatch(/已有材料|缺项/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'charts.jpg'), type: 'jpeg', quality: 70 });
    await page.close();
  }, 120_000);
});
