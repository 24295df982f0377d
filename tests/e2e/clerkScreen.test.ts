// A clerk's screen at 1366×768 (the common office PC): a dense material table in a human
// order, with one scrollbar. The tests save screenshots of the main screens into
// docs/screenshots/ so that anyone can look at them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { openTab, repoRoot, useBrowserMode } from './server';

const screenshots = path.join(repoRoot, 'docs/screenshots');
const viewport = { width: 1366, height: 768 };

/** Thirty materials with the long 题名 clerks give them, dated out of filing order, some filed. */
const titles = [
  '关于调整创建全国文明单位工作领导小组成员的通知',
  '2023年度精神文明建设工作要点及任务分解表',
  '道德讲堂第三期“身边好人”事迹报告会活动照片',
  '职工志愿服务队无偿献血活动签到表及总结',
  '文明餐桌“光盘行动”倡议书',
];

async function prepare(archiveDir: string) {
  const t = openTestArchive(archiveDir);
  const { dossier, indicators } = await sampleDossier(t.api);
  const leaves = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id));
  const db = t.ctx.archive.db;
  const now = new Date().toISOString();
  const blob = db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, 2048, 'application/pdf', ?)");
  const mat = db.prepare(
    'INSERT INTO material (dossier_id, kind, sha256, original_name, title, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const link = db.prepare('INSERT INTO material_indicator (material_id, indicator_id, position) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 30; i += 1) {
      const sha = (i + 1).toString(16).padStart(64, '0');
      blob.run(sha, now);
      const date = i % 7 === 6 ? '' : `2023${String(12 - (i % 12)).padStart(2, '0')}${String(1 + (i % 27)).padStart(2, '0')}`;
      const id = Number(mat.run(dossier.id, 'document', sha, `材料${i}.pdf`, `${titles[i % titles.length]}（${i + 1}）`, date, now, now).lastInsertRowid);
      if (i % 3 === 0) link.run(id, leaves[i % leaves.length].id, i);
    }
  })();
  await t.close();
}

describe('a clerk’s screen at 1366×768', () => {
  const suite = useBrowserMode('dossier-e2e-screen-', prepare);

  it('shows at least twelve rows of the material table, titles on one line, one scrollbar', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    const list = page.getByTestId('material-list');
    await list.getByText('共 30 份材料').waitFor({ timeout: 60_000 });
    await list.getByTestId('indicator-tag').first().waitFor();
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'materials.jpg'), type: 'jpeg', quality: 70 });

    // Rows wholly in view of the table's scrolling area (a short list is one plain table that
    // scrolls in its content box; a long one scrolls its virtual holder), every 题名 on one line.
    const holder = list.locator('.ant-table-tbody-virtual-holder, .ant-table-content');
    const visible = await holder.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[data-testid="material-row"]')].filter((row) => {
        const r = row.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(12);
    const lineCounts = await list.getByTestId('material-title').evaluateAll((els) => els.map((el) => el.getClientRects().length));
    expect(lineCounts.every((n) => n === 1)).toBe(true);
    const titleHeights = await list.getByTestId('material-title').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.max(...titleHeights)).toBeLessThan(30);

    // One scrollbar: neither the page nor the area around the table scrolls, only the table.
    const overflowOf = (selector: string) => page.locator(selector).evaluate((el) => el.scrollHeight - el.clientHeight);
    expect({ page: await overflowOf('html'), main: await overflowOf('main') }).toEqual({ page: 0, main: 0 });
    expect(await holder.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

    // A human order: by 日期, undated last; on one day by 题名 in pinyin.
    const rows = await holder.evaluate((el) =>
      [...el.querySelectorAll('[data-testid="material-row"]')].map((row) => row.textContent ?? ''),
    );
    const dates = rows.map((text) => /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? '');
    expect(dates[0]).toBe('2023-01-12');
    expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort());

    // 所属指标 as named tags, the whole name on hover; an empty 备注 column stays narrow.
    const tag = list.getByTestId('indicator-tag').first();
    expect(await tag.innerText()).toMatch(/^\d+\.\d+ \S+/);
    await tag.hover();
    await page.locator('.ant-tooltip').filter({ hasText: await tag.innerText() }).waitFor();
    const header = (name: string) => list.locator('th').filter({ hasText: name });
    expect((await header('备注').boundingBox())!.width).toBeLessThan(80);
    expect((await header('题名').boundingBox())!.width).toBeGreaterThan(300);
    await page.close();
  }, 120_000);

  it('keeps a column width the clerk dragged, after a reload', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    const list = page.getByTestId('material-list');
    await list.getByText('共 30 份材料').waitFor({ timeout: 60_000 });
    const header = list.locator('th').filter({ hasText: '所属指标' });
    const before = (await header.boundingBox())!.width;
    const grip = (await header.getByTestId('column-resize').boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2 + 60, grip.y + grip.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before + 60));
    // The drag did not sort by the column.
    expect(await list.locator('th').filter({ hasText: '日期' }).getAttribute('aria-sort')).toBe('ascending');

    await page.reload();
    await list.getByText('共 30 份材料').waitFor({ timeout: 60_000 });
    expect(Math.round((await header.boundingBox())!.width)).toBe(Math.round(before + 60));
    await page.close();
  }, 120_000);

  it('takes 日期 as the clerk writes it, or from the calendar, and says at the field what is no date', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    const list = page.getByTestId('material-list');
    await list.getByText('共 30 份材料').waitFor({ timeout: 60_000 });
    const row = list.getByTestId('material-row').filter({ hasText: '分解表（12）' });
    await row.getByTestId('material-title').click();
    const drawer = page.getByTestId('material-drawer');
    await openTab(drawer, '著录信息');
    const date = drawer.getByLabel('日期');
    for (const [typed, shown] of [
      ['2023-06-15', '2023-06-15'],
      ['2023.6.16', '2023-06-16'],
      ['2023年6月17日', '2023-06-17'],
      ['20230618', '2023-06-18'],
    ]) {
      await date.fill(typed);
      await drawer.getByTestId('metadata-save').click();
      await row.getByText(shown).waitFor();
      expect(await date.inputValue()).toBe(shown);
      await page.locator('.ant-message').getByText('已保存“2023年度精神文明建设工作要点及任务分解表（12）”的著录信息').first().waitFor();
    }
    // The calendar: the 20th of the month shown.
    await drawer.getByTestId('date-picker-open').click();
    await page.getByTestId('date-picker').locator('td[title="2023-06-20"]').click();
    expect(await date.inputValue()).toBe('2023-06-20');
    await drawer.getByTestId('metadata-save').click();
    await row.getByText('2023-06-20').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'material-drawer.jpg'), type: 'jpeg', quality: 70 });

    // No such day: said under the field, in the clerk's words; nothing is saved.
    await date.fill('2023-02-30');
    await drawer.getByTestId('metadata-save').click();
    const fieldError = drawer.locator('.ant-form-item').filter({ has: page.locator('#date') }).locator('.ant-form-item-explain-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('不是有效日期，可写作 2023-06-15、2023.6.15、2023年6月15日 或 20230615');
    expect(await page.locator('.ant-notification-notice').count()).toBe(0);
    await row.getByText('2023-06-20').waitFor();
    await page.close();
  }, 120_000);
});
