// In Chromium, as a clerk: the import preview shows the importer's disputable decisions and lets
// the clerk change them — 简体 for a 繁体 table, units renamed and merged before 确认导入, a Word
// file's 否决项 table left out, and a level's code column shown as such in the column mapping.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserMode } from './server';

const layouts = path.resolve(import.meta.dirname, '../fixtures/indicators-layouts');

describe('the import preview’s decisions in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-layouts-');

  const api = suite.api;

  it('converts to 简体, renames and merges units, leaves a 否决项 table out, names a code column', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByRole('radio', { name: /导入测评体系文件/ }).check();
    const fileInput = page.getByTestId('system-file-button').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]');

    // A Word file with a second table of 一票否决 conditions: shown, and left out on request.
    await fileInput.setInputFiles(path.join(layouts, 'veto-table.docx'));
    const levels = page.getByTestId('preview-levels');
    await levels.waitFor();
    expect(await levels.innerText()).toMatch(/一级指标\s*3 项.*否决项 3 项|否决项 3 项/s);
    expect(await page.getByTestId('preview-sections').innerText()).toContain('第 2 个表格：否决项“一票否决项”，3 项');
    expect(await page.getByTestId('preview-skipped').innerText()).toContain('合计行');
    // A skipped row can be imported all the same: the box follows the preview read again.
    await page.getByTestId('preview-keep-6').click();
    await expect.poll(() => page.getByTestId('preview-keep-6').isChecked()).toBe(true);
    await page.getByTestId('preview-node-3').getByText('合计').waitFor();
    await page.getByTestId('preview-keep-6').click();
    await expect.poll(() => page.getByTestId('preview-keep-6').isChecked()).toBe(false);
    // The box follows the preview read again without the section.
    await page.getByTestId('preview-section-1').click();
    await expect.poll(() => page.getByTestId('preview-section-1').isChecked()).toBe(false);
    await expect.poll(() => levels.innerText()).not.toContain('否决项');
    await page.getByTestId('preview-cancel').click();
    await levels.waitFor({ state: 'hidden' });

    // Code | name pairs: the code column is shown as the level's numbering.
    await fileInput.setInputFiles(path.join(layouts, 'code-name-columns.xlsx'));
    await page.getByTestId('preview-node-1-1').getByText('领导班子建设').waitFor();
    expect(await page.getByTestId('preview-columns').innerText()).toContain('第 1 列（一级指标）：本级编号（名称在旁边一列）；第 2 列：一级指标');
    await page.getByText('列的对应（自动识别，可修改）').click();
    expect(await page.getByTestId('mapping-col-0').innerText()).toContain('本级编号');
    await page.getByTestId('preview-cancel').click();
    await levels.waitFor({ state: 'hidden' });

    // 繁体: kept as written until the clerk asks for 简体; then units are renamed and merged.
    await fileInput.setInputFiles(path.join(layouts, 'traditional-gbk.csv'));
    await page.getByTestId('preview-node-1').getByText('組織領導').waitFor();
    await page.getByTestId('preview-simplify').click();
    await page.getByTestId('preview-node-1').getByText('组织领导').waitFor();
    await page.getByTestId('preview-unit-宣传科').waitFor();
    // Each item shows the unit it will be assigned to.
    await page.getByTestId('preview-node-1.1.1').getByText('办公室').waitFor();
    await page.getByTestId('preview-unit-综合科').fill('办公室');
    expect(await page.getByTestId('preview-units-after').innerText()).toContain('共 2 个单位，将在责任单位登记册中新建 2 个：办公室、宣传科');
    await page.getByTestId('preview-confirm').click();
    await levels.waitFor({ state: 'hidden' });

    const units = (await api('units.list', {})) as { name: string; indicatorCount: number }[];
    expect(units.map((u) => [u.name, u.indicatorCount])).toEqual([
      ['办公室', 6],
      ['宣传科', 1],
    ]);
    const [system] = (await api('systems.list', {})) as { id: number; name: string }[];
    const items = (await api('indicators.list', { systemId: system.id })) as { title: string; responsibleUnit: string }[];
    expect(items.find((i) => i.title === '建立诚信档案')!.responsibleUnit).toBe('办公室');
    expect(errors).toEqual([]);
  }, 240_000);

  it('self-evaluates a system without scores item by item: 达标 when every item is', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByRole('textbox', { name: /档案名称/ }).fill('2025年度全国文明单位创建档案');
    await page.getByRole('radio', { name: /导入测评体系文件/ }).check();
    const fileInput = page.getByTestId('system-file-button').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]');
    await fileInput.setInputFiles(path.join(layouts, 'no-scores.xlsx'));
    await page.getByTestId('preview-levels').waitFor();
    expect(await page.locator('[data-testid="preview-warnings"]').count()).toBe(0);
    await page.getByTestId('preview-confirm').click();
    await page.getByRole('radio', { name: /全国文明单位测评体系/ }).and(page.locator(':checked')).waitFor();
    await page.getByTestId('create-dossier-submit').click();
    await page.getByTestId('indicator-node-1.1').waitFor();
    await page.getByTestId('open-selfeval').click();
    await page.getByText('达标项（测评体系未设分值）').waitFor();
    for (const code of ['1.1', '1.2', '2.1', '2.2']) await page.getByTestId(`selfeval-met-${code}`).getByText('达标', { exact: true }).click();
    await page.getByTestId('selfeval-met-2.3').getByText('未达标', { exact: true }).click();
    await page.getByTestId('selfeval-result').getByText('未达标').waitFor();
    await page.getByTestId('selfeval-met-2.3').getByText('达标', { exact: true }).click();
    await page.getByTestId('selfeval-result').getByText('达标', { exact: true }).waitFor();
    const saved = (await api('selfEval.get', { dossierId: 1 })) as { itemsMet: number; result: string };
    expect(saved).toMatchObject({ itemsMet: 5, result: 'pass' });
    expect(errors).toEqual([]);
  }, 240_000);
});
