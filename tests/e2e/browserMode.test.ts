// End to end, as a clerk: browser mode started like `npm run web`, driven in Debian's Chromium.
// Create a dossier on the bundled 文明单位 system, file a PDF and a photo under a leaf, see a bad
// file refused with its reason, search, and export the 迎检资料 packet.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/transport';
import { darkPixels, renderPage } from '../helpers/pdfTools';
import { writeFixtures } from './fixtures';
import { openPage, useBrowserMode } from './server';

const STEP_MS = 30_000;

describe('browser mode, end to end', () => {
  const suite = useBrowserMode('dossier-e2e-');
  const tmp = suite.tmp;

  it('refuses API calls and file URLs without the token', async () => {
    const server = suite.server();
    const api = (headers: Record<string, string>) =>
      fetch(`${server.origin}/api/dossiers.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect((await api({})).status).toBe(403);
    expect((await api({ [TOKEN_HEADER]: 'not-the-token' })).status).toBe(403);
    expect((await api({ [TOKEN_HEADER]: server.token })).status).toBe(200);

    const sha = 'ab'.repeat(32);
    for (const route of ['files', 'thumbs']) {
      expect((await fetch(`${server.origin}/${route}/${sha}`)).status).toBe(403);
      expect((await fetch(`${server.origin}/${route}/${sha}?token=wrong`)).status).toBe(403);
      // The token in a file URL is refused: it is accepted only by the first page load.
      expect((await fetch(`${server.origin}/${route}/${sha}?token=${server.token}`)).status).toBe(403);
      // With the token header the request gets past the guard: the hash is simply unknown.
      expect((await fetch(`${server.origin}/${route}/${sha}`, { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(404);
    }
    const upload = await fetch(`${server.origin}/upload?name=x.txt`, { method: 'POST', body: 'x' });
    expect(upload.status).toBe(403);
  });

  it('a clerk creates a dossier, files materials, searches and exports the packet', async () => {
    const files = await writeFixtures(path.join(tmp, 'clerk-files'));
    const server = suite.server();
    const { page, errors: pageErrors } = await openPage(suite.browser(), server.url);
    page.setDefaultTimeout(STEP_MS);
    // The first load traded the token for a cookie: the address bar no longer shows it.
    expect(page.url()).toBe(`${server.origin}/`);

    try {

      // 1. First run: 新建档案 on the bundled 文明单位 sample.
      await page.getByRole('textbox', { name: /档案名称/ }).fill('2025年度文明单位创建档案');
      await page.getByRole('textbox', { name: '单位', exact: true }).fill('示例市财政局');
      await page.getByRole('textbox', { name: '年度 / 周期', exact: true }).fill('2025年');
      await page.getByRole('radio', { name: /文明单位/ }).check();
      await page.getByTestId('create-dossier-submit').click();

      // 2. The tree, with every leaf still 缺项.
      const leaf = page.getByTestId('indicator-node-1.1');
      await leaf.waitFor();
      expect(await leaf.getByText('缺项').count()).toBe(1);
      await leaf.click();
      await page.getByTestId('indicator-details').getByText('创建工作机制').waitFor();

      // 3. Add the PDF and the photo through the file input.
      const input = page.getByTestId('add-materials').locator('input[type=file]');
      await input.setInputFiles([files.pdf, files.photo]);
      const report = page.getByTestId('add-report');
      await report.getByText(/已添加 2 份材料/).waitFor();
      const list = page.getByTestId('material-list');
      await list.getByText('创建工作领导小组会议纪要', { exact: true }).waitFor();
      await list.getByText('道德讲堂活动照片', { exact: true }).waitFor();
      // The photo's thumbnail really loads (through the token-guarded /thumbs route).
      // A function, not a string: string predicates are evaluated in the page, which its CSP forbids.
      const thumb = page.locator('img[data-testid="material-thumb"]').first();
      await expect
        .poll(() => thumb.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).naturalWidth), { timeout: STEP_MS })
        .toBeGreaterThan(0);
      await leaf.getByText(/2 份/).waitFor();
      expect(await leaf.getByText('缺项').count()).toBe(0);

      // 4. A zero-byte file is refused with its reason in Chinese; the same PDF again is a duplicate.
      await input.setInputFiles([files.empty, files.pdf]);
      const failed = page.getByTestId('add-report-failed');
      await failed.getByText(path.basename(files.empty)).waitFor();
      expect(await failed.innerText()).toMatch(/空|0 字节/);
      expect(await report.innerText()).toMatch(/已添加 0 份材料，1 个文件已在档案中，1 个文件未能添加/);
      expect(await page.getByTestId('add-report-duplicates').innerText()).toContain(path.basename(files.pdf));
      expect(await list.getByTestId('material-title').count()).toBe(2);

      // Screenshot of the main screen, for a human look (not asserted).
      await page.waitForTimeout(500); // let antd's fade-in finish
      const mainShot = path.join(os.tmpdir(), 'dossier-e2e-main.png');
      await page.screenshot({ path: mainShot });

      // 5. Search a two-character word of the title; the hit is marked.
      const search = page.getByLabel('搜索材料');
      await search.fill('纪要');
      await search.press('Enter');
      const results = page.getByTestId('search-results');
      await results.getByText(/找到 1 份材料/).waitFor();
      expect(await results.getByTestId('search-hit').first().innerText()).toBe('纪要');
      expect(await results.getByTestId('material-title').first().innerText()).toBe('创建工作领导小组会议纪要');
      await page.screenshot({ path: path.join(os.tmpdir(), 'dossier-e2e-search.png') });

      // 6. Export the packet to a folder under the temp dir.
      const outDir = path.join(tmp, '迎检资料输出');
      await page.getByTestId('export-button').click();
      const dirInput = page.getByTestId('export-out-dir');
      await expect.poll(() => dirInput.inputValue(), { timeout: STEP_MS }).not.toBe('');
      await dirInput.fill(outDir);
      await page.getByTestId('export-start').click();
      await Promise.race([
        page.getByTestId('export-result').waitFor({ timeout: 150_000 }),
        page
          .getByTestId('export-error')
          .waitFor({ timeout: 150_000 })
          .then(async () => {
            throw new Error(`导出失败：${await page.getByTestId('export-error').innerText()}`);
          }),
      ]);
      await page.screenshot({ path: path.join(os.tmpdir(), 'dossier-e2e-export.png') });
      const pdfPath = await page.getByTestId('export-path-pdf').getAttribute('data-path');
      const xlsxPath = await page.getByTestId('export-path-xlsx').getAttribute('data-path');
      expect(pdfPath && fs.existsSync(pdfPath)).toBeTruthy();
      expect(xlsxPath && fs.existsSync(xlsxPath)).toBeTruthy();
      expect(path.resolve(pdfPath!).startsWith(path.resolve(outDir))).toBe(true);

      // The packet's first page renders Chinese text, not blank glyphs.
      const cover = renderPage(pdfPath!, 1, 40);
      expect(await darkPixels(cover, { top: 0.25, bottom: 0.45 })).toBeGreaterThan(200);

      expect(pageErrors).toEqual([]);
    } catch (err) {
      const shot = path.join(os.tmpdir(), 'dossier-e2e-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      const notices = await page
        .locator('.ant-notification-notice')
        .allInnerTexts()
        .catch(() => [] as string[]);
      const detail = [
        `截图：${shot}`,
        notices.length ? `界面提示：${notices.join(' | ')}` : '',
        pageErrors.length ? `页面错误：${pageErrors.join(' | ')}` : '',
        `服务输出：\n${server.output().slice(-2000)}`,
      ]
        .filter(Boolean)
        .join('\n');
      throw new Error(`${(err as Error).message}\n${detail}`, { cause: err });
    }
  }, 300_000);
});
