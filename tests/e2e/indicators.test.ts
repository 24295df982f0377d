// End to end in Chromium, as a clerk: import a 测评体系 through the preview (counts, totals,
// warnings; nothing saved on 取消), edit the tree (rename, add, reorder, delete refused while
// materials are linked, then with them moved), filter by responsible unit, and self-evaluate.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePdfs } from '../indicators/materialFiles';
import { clickUntil, openPage, useBrowserMode } from './server';

const samples = path.resolve(import.meta.dirname, '../fixtures/samples');

describe('indicator systems in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-ind-');

  const api = suite.api;

  it('imports through the preview, edits the tree, filters by unit and self-evaluates', async () => {
    const { page, errors: pageErrors } = await openPage(suite.browser(), suite.server().url);

    // 1. Preview an imported workbook: counts and totals per level; 取消 saves nothing.
    await page.getByRole('textbox', { name: /档案名称/ }).fill('2025年度文明校园创建档案');
    await page.getByRole('radio', { name: /导入测评体系文件/ }).check();
    const fileInput = page.getByTestId('system-file-button').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]');
    await fileInput.setInputFiles(path.join(samples, '文明校园测评体系（示例）.xlsx'));
    const levels = page.getByTestId('preview-levels');
    await levels.waitFor();
    expect(await levels.innerText()).toMatch(/一级指标\s*8 项，分值合计 64 分/);
    expect(await levels.innerText()).toMatch(/三级指标\s*22 项/);
    await page.getByTestId('preview-node-2.1.1').waitFor();
    await page.getByTestId('preview-cancel').click();
    await levels.waitFor({ state: 'hidden' });
    expect(await api('systems.list', {})).toEqual([]);

    // Again, and confirm: the dossier is created on it.
    await fileInput.setInputFiles(path.join(samples, '文明校园测评体系（示例）.xlsx'));
    await page.getByTestId('preview-confirm').click();
    await page.getByRole('radio', { name: /文明校园测评体系（示例）/ }).and(page.locator(':checked')).waitFor();
    await page.getByTestId('create-dossier-submit').click();
    await page.getByTestId('indicator-node-1.1.1').waitFor();

    // 2. Edit: rename 1.1.1 and give it a responsible unit; add a sibling; move it up.
    await page.getByTestId('indicator-node-1.1.1').click();
    await page.getByTestId('indicator-edit').click();
    const editor = page.getByTestId('indicator-editor');
    await editor.getByLabel('指标名称').fill('班子分工明确（已改名）');
    await editor.getByLabel('责任单位').fill('校长办公室');
    await editor.getByLabel('责任人').fill('王老师');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('indicator-node-1.1.1').getByText('班子分工明确（已改名）').waitFor();
    expect(await page.getByTestId('indicator-details').innerText()).toContain('王老师');

    await page.getByTestId('indicator-addSibling').click();
    await page.getByTestId('indicator-editor').getByLabel('指标名称').fill('新增的测评内容');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('indicator-node-1.1.2').getByText('新增的测评内容').waitFor();
    await page.getByTestId('indicator-up').click();
    await page.getByTestId('indicator-node-1.1.1').getByText('新增的测评内容').waitFor();
    await page.getByTestId('indicator-node-1.1.2').getByText('班子分工明确（已改名）').waitFor();

    // 4. Delete is refused while a material is filed; the clerk moves it and deletes.
    const [pdf] = await writePdfs(suite.tmp, ['班子会议纪要']);
    await page.getByTestId('add-materials').locator('input[type=file]').setInputFiles(pdf);
    await page.getByTestId('add-report').getByText(/已添加 1 份材料/).waitFor();
    const confirmDelete = page.getByRole('button', { name: '删除', exact: true });
    await clickUntil(page.getByTestId('indicator-delete'), confirmDelete);
    const moveTarget = page.getByTestId('delete-move-target');
    await clickUntil(confirmDelete, moveTarget);
    expect(await page.getByRole('dialog', { name: '先移走材料，再删除' }).innerText()).toContain('已归集 1 份材料');
    const option = page.locator('.ant-select-tree-node-content-wrapper', { hasText: '1.1.2 班子分工明确（已改名）' });
    await clickUntil(moveTarget, option);
    await clickUntil(option, page.locator('[data-testid="delete-move-target-ok"]:not([disabled])'));
    await page.getByTestId('delete-move-target-ok').click();
    await page.getByTestId('indicator-node-1.1.1').getByText('班子分工明确（已改名）').waitFor();
    await page.getByTestId('indicator-node-1.1.1').getByText('1 份').waitFor();
    // Coverage of the category: covered/total and the share of its score.
    expect(await page.getByTestId('coverage-1').innerText()).toMatch(/^1\/\d+ · \d+%$/);

    // 5. Filter the tree by unit: only the item of 校长办公室 and its ancestors remain.
    await page.getByTestId('unit-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '校长办公室' }).click();
    await page.getByTestId('indicator-node-2').waitFor({ state: 'detached' });
    await page.getByTestId('indicator-node-1.1.1').waitFor();
    await page.getByTestId('unit-filter').locator('.ant-select-clear').click();
    await page.getByTestId('indicator-node-2').waitFor();

    // Self-evaluation: a score, a pass line, the result; veto ticked 存在 fails whatever the score.
    await page.getByTestId('open-selfeval').click();
    const score = page.getByLabel('1.1.1 自评得分');
    await score.fill('3');
    await score.press('Enter');
    await page.getByTestId('selfeval-sum-1.1').getByText('3').waitFor();
    await page.getByLabel('达标线').fill('2');
    await page.getByLabel('达标线').blur();
    await page.getByTestId('selfeval-result').getByText('达标', { exact: true }).waitFor();
    const veto = page.locator('[data-testid^="selfeval-veto-"]').first();
    await veto.getByText('存在').click();
    await page.getByTestId('selfeval-result').getByText('存在否决项，不达标').waitFor();
    const saved = (await api('selfEval.get', { dossierId: 1 })) as { passLine: number; total: number; result: string };
    expect(saved).toMatchObject({ passLine: 2, total: 3, result: 'veto' });

    // A score above full marks, left with Tab: the field shows full marks, and that is what is
    // saved; after a reload the field still shows it. Leaving by a click saves as well.
    type Row = { code: string; selfScore: number | null; maxScore: number | null };
    const rows = async () => ((await api('selfEval.get', { dossierId: 1 })) as { rows: Row[] }).rows;
    const max = (await rows()).find((r) => r.code === '1.1.2')!.maxScore!;
    const over = page.getByLabel('1.1.2 自评得分');
    await over.fill(String(max + 100));
    await over.press('Tab');
    await expect.poll(async () => (await rows()).find((r) => r.code === '1.1.2')!.selfScore).toBe(max);
    expect(await over.inputValue()).toBe(String(max));
    const third = page.getByLabel('1.1.1 自评得分');
    await third.fill('１');
    await page.getByLabel('达标线').click();
    await expect.poll(async () => (await rows()).find((r) => r.code === '1.1.1')!.selfScore).toBe(1);
    await page.reload();
    await page.getByTestId('open-selfeval').click();
    await expect.poll(() => page.getByLabel('1.1.2 自评得分').inputValue()).toBe(String(max));

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
