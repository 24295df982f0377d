// What a clerk does at 1366×768 (issue 16, points 2 and 5): the 缺项 list from the coverage
// counter, the tree filtered to 缺项, a bulk 归入指标 confirmed and undone, and two persons typed
// quickly into the units dialog, both kept.
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
});
