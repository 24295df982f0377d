// What a clerk does at 1366×768 (issue 16, points 2 and 5): the 缺项 list from the coverage
// counter, the tree filtered to 缺项, a bulk 归入指标 confirmed and undone, and two persons typed
// quickly into the units dialog, both kept; the view (search, filters, open material) across a reload.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Indicator, Material, ResponsibleUnit } from '../../shared/domain';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { clickUntil, repoRoot, useBrowserMode } from './server';

const screenshots = path.join(repoRoot, 'docs/screenshots');
const viewport = { width: 1366, height: 768 };

describe('a clerk’s actions at 1366×768', () => {
  const suite = useBrowserMode('dossier-e2e-actions-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    const { dossier, indicators } = await sampleDossier(t.api);
    const leaves = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id));
    const files = ['志愿服务总结', '道德讲堂照片说明', '献血活动签到表'].map((name) => {
      const file = path.join(suite.tmp, `${name}.txt`);
      fs.writeFileSync(file, `${name}：正文`);
      return file;
    });
    await t.api['materials.add']({ dossierId: dossier.id, paths: files.slice(0, 1), indicatorIds: [leaves[0].id] });
    await t.api['materials.add']({ dossierId: dossier.id, paths: files.slice(1) });
    await t.close();
  });

  const leavesOf = async () => {
    const [dossier] = (await suite.api('dossiers.list', {})) as { id: number; systemId: number }[];
    const indicators = (await suite.api('indicators.list', { systemId: dossier.systemId })) as Indicator[];
    return { dossier, leaves: indicators.filter((i) => !indicators.some((c) => c.parentId === i.id)) };
  };

  it('lists the 缺项 from the counter, jumps to one, and filters the tree to 缺项', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(suite.server().url);
    const { leaves } = await leavesOf();
    const counter = page.getByTestId('missing-count');
    await counter.waitFor({ timeout: 60_000 });
    const missing = Number(/缺 (\d+) 项/.exec(await counter.innerText())![1]);
    expect(missing).toBeGreaterThan(5);
    await counter.click();
    const list = page.getByTestId('missing-list');
    await list.waitFor();
    // As many as the counter says, by code and name; not the one filed.
    expect(await list.locator('a').count()).toBe(missing);
    expect(await list.innerText()).not.toContain(leaves[0].title);
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'missing-list.jpg'), type: 'jpeg', quality: 70 });
    const target = leaves[1];
    await list.getByTestId(`missing-${target.code}`).click();
    await page.locator('.ant-tree-node-selected').getByTestId(`indicator-node-${target.code}`).waitFor();
    await page.getByTestId('materials-panel').getByText('本项材料').waitFor();

    // 只看缺项: the tree keeps the missing leaves (and their categories), not the filed one.
    await page.getByTestId('missing-only').click();
    await page.getByTestId(`indicator-node-${leaves[0].code}`).waitFor({ state: 'detached' });
    const tree = page.getByTestId('indicator-tree');
    expect(await tree.getByTestId('missing-tag').count()).toBe(missing);
    expect(await tree.getByText(/^\d+ 份$/).count()).toBe(0);
    await page.getByTestId('missing-only').click();
    await page.getByTestId(`indicator-node-${leaves[0].code}`).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('confirms a bulk 归入指标 and undoes it from the message', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    const { leaves } = await leavesOf();
    const target = leaves[2];
    const filed = async () =>
      ((await suite.api('materials.list', { dossierId: 1, indicatorId: target.id })) as Material[]).map((m) => m.title).sort();
    const rows = page.getByTestId('material-list').getByTestId('material-row');
    await rows.first().waitFor({ timeout: 60_000 });
    await rows.filter({ hasText: '道德讲堂照片说明' }).getByRole('checkbox').check();
    await rows.filter({ hasText: '献血活动签到表' }).getByRole('checkbox').check();
    await page.getByTestId('bulk-link').click();
    const option = page.locator('.ant-select-tree-node-content-wrapper', { hasText: `${target.code} ${target.title}` }).first();
    await clickUntil(page.getByTestId('bulk-link-target'), option);
    await option.click();
    await page.getByRole('button', { name: '归入', exact: true }).click();
    const done = page.getByTestId('bulk-done');
    await done.getByText(`已将 2 份材料归入「${target.code} ${target.title}」`).waitFor();
    expect(await filed()).toEqual(['献血活动签到表', '道德讲堂照片说明'].sort());
    await page.screenshot({ path: path.join(screenshots, 'bulk-undo.jpg'), type: 'jpeg', quality: 70 });

    await done.getByTestId('bulk-undo').click();
    await page.getByText('已撤销归入：2 份材料已恢复原状').waitFor();
    await expect.poll(filed).toEqual([]);
    // The list shows it too: neither row carries the indicator any more.
    await expect.poll(() => rows.filter({ hasText: target.code }).count()).toBe(0);
    await page.close();
  }, 120_000);

  it('keeps both persons typed quickly into the units dialog', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    await page.getByTestId('open-units').click();
    await page.getByLabel('新单位名称').fill('文明办');
    await page.getByTestId('unit-add').click();
    await page.getByText('已添加责任单位“文明办”').waitFor();
    const persons = page.getByTestId('unit-persons-文明办');
    await persons.click();
    // Typed as fast as a clerk's keyboard goes: the second Enter comes before the first save is back.
    await page.keyboard.type('张三');
    await page.keyboard.press('Enter');
    await page.keyboard.type('李四');
    await page.keyboard.press('Enter');
    const saved = async () => ((await suite.api('units.list', {})) as ResponsibleUnit[]).find((u) => u.name === '文明办')?.persons;
    await expect.poll(saved).toEqual(['张三', '李四']);
    // And the field still shows both once the reloads are in.
    await page.waitForTimeout(500);
    expect(await persons.locator('.ant-select-selection-item').allInnerTexts()).toEqual(['张三', '李四']);
    await page.close();
  }, 120_000);

  it('changes a material’s indicators in its drawer and files search results in bulk', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    await page.goto(suite.server().url);
    const { leaves } = await leavesOf();
    const list = page.getByTestId('material-list');
    const rows = list.getByTestId('material-row');
    await rows.first().waitFor({ timeout: 60_000 });

    // 所属指标 in the drawer: pick one, it is saved at once and shows in the list.
    const target = leaves[3];
    await rows.filter({ hasText: '献血活动签到表' }).getByTestId('material-title').click();
    const drawer = page.getByTestId('material-drawer');
    const option = page.locator('.ant-select-tree-node-content-wrapper', { hasText: `${target.code} ${target.title}` }).first();
    await clickUntil(drawer.getByTestId('material-indicators'), option);
    await option.click();
    await page.getByText(`已归入「${target.code} ${target.title}」`).waitFor();
    // One Esc closes the drawer: the picker closed with the save, and the focus is no longer in the drawer.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await rows.filter({ hasText: '献血活动签到表' }).filter({ hasText: target.code }).waitFor();
    const history = (await suite.api('materials.list', { dossierId: 1, indicatorId: target.id })) as Material[];
    expect(history.map((m) => m.title)).toEqual(['献血活动签到表']);

    // Search, select the results, 归入指标: the same bulk bar as the list.
    const second = leaves[4];
    await page.getByTestId('search-box').locator('input').fill('正文');
    await page.getByTestId('search-box').locator('input').press('Enter');
    const results = page.getByTestId('search-results');
    await results.getByTestId('material-row').first().waitFor();
    await results.locator('.ant-table-thead').getByRole('checkbox').check();
    await results.getByTestId('bulk-bar').getByText('已选 3 份').waitFor();
    await results.getByTestId('bulk-link').click();
    const secondOption = page.locator('.ant-select-tree-node-content-wrapper', { hasText: `${second.code} ${second.title}` }).first();
    await clickUntil(page.getByTestId('bulk-link-target'), secondOption);
    await secondOption.click();
    await page.getByRole('button', { name: '归入', exact: true }).click();
    await page.getByTestId('bulk-done').getByText(`已将 3 份材料归入「${second.code} ${second.title}」`).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'search-bulk.jpg'), type: 'jpeg', quality: 70 });
    const filed = (await suite.api('materials.list', { dossierId: 1, indicatorId: second.id })) as Material[];
    expect(filed).toHaveLength(3);
    await page.close();
  }, 120_000);

  it('keeps the view across a reload, and answers Ctrl+F, Ctrl+A, Enter, Esc and Del', async () => {
    const page = await suite.browser().newPage({ viewport, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(suite.server().url);
    const { leaves } = await leavesOf();
    const node = page.getByTestId(`indicator-node-${leaves[0].code}`);
    await node.click();
    await page.locator('.ant-tree-node-selected').getByTestId(`indicator-node-${leaves[0].code}`).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.url()).toContain(`i=${leaves[0].id}`);
    await page.reload();
    await page.locator('.ant-tree-node-selected').getByTestId(`indicator-node-${leaves[0].code}`).waitFor({ timeout: 60_000 });
    await page.getByTestId('materials-panel').getByText('本项材料').waitFor();

    // A search is kept too, with its words in the box.
    const box = page.getByTestId('search-box').locator('input');
    await box.fill('正文');
    await box.press('Enter');
    await page.getByTestId('search-results').waitFor();
    await page.reload();
    await page.getByTestId('search-results').getByTestId('material-row').first().waitFor({ timeout: 60_000 });
    expect(await box.inputValue()).toBe('正文');

    // A filter left on does not pass for "not in the archive": the message says how many it hides;
    // the filter is kept across a reload, and so is the material opened from the results.
    const results = page.getByTestId('search-results');
    await results.getByTestId('filter-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '图片资料' }).click();
    await page.keyboard.press('Escape');
    const hidden = results.getByTestId('search-hidden-by-filters');
    await hidden.waitFor();
    expect(await hidden.innerText()).toContain('不加筛选可找到 3 份');
    await expect.poll(() => page.url()).toContain('k=photo');
    await page.reload();
    await hidden.waitFor({ timeout: 60_000 });
    expect(await results.getByTestId('filter-kind').innerText()).toContain('图片资料');
    await results.getByTestId('search-clear-filters').click();
    await results.getByTestId('material-title').filter({ hasText: '献血活动签到表' }).click();
    const opened = page.getByTestId('material-drawer');
    await opened.getByText('献血活动签到表').first().waitFor();
    await expect.poll(() => page.url()).toMatch(/m=\d+/);
    await page.reload();
    await opened.getByText('献血活动签到表').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await opened.waitFor({ state: 'hidden' });
    expect(page.url()).not.toMatch(/m=\d+/);
    await results.getByRole('button', { name: '返回' }).click();
    await expect.poll(() => page.url()).not.toContain('q=');
    await page.getByTestId('all-materials').click();
    const rows = page.getByTestId('material-list').getByTestId('material-row');
    await rows.first().waitFor();

    // Ctrl+F puts the cursor in the search box; Ctrl+A there selects its text, not the list.
    await page.keyboard.press('Control+f');
    expect(await box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Control+a');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);
    await box.evaluate((el) => el.blur());
    await page.keyboard.press('Control+a');
    await page.getByTestId('bulk-bar').getByText(`已选 ${await rows.count()} 份`).waitFor();
    await page.locator('.ant-table-thead').getByRole('checkbox').uncheck();

    // Enter opens the one selected material; Esc closes it.
    await rows.filter({ hasText: '志愿服务总结' }).getByRole('checkbox').check();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('material-drawer');
    await drawer.getByText('志愿服务总结').first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Del asks, then moves it to the 回收站; 撤销 brings it back.
    await rows.filter({ hasText: '志愿服务总结' }).getByRole('checkbox').focus();
    await page.keyboard.press('Delete');
    await clickUntil(page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }), page.getByTestId('bulk-done'));
    await rows.filter({ hasText: '志愿服务总结' }).waitFor({ state: 'detached' });
    await page.getByTestId('bulk-undo').click();
    await rows.filter({ hasText: '志愿服务总结' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
