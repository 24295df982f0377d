// 成员单位报送 in Chromium, as the lead's clerk, for one round: a unit's 报送包 (made by a unit
// archive through the core, as its CLI does) dropped in, previewed and 确认, then the 报送进度
// per unit and 材料审核 — 退回 with a comment — on screen.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';
import { openPage, openTab, useBrowserMode } from './server';

describe('成员单位报送 in the browser', () => {
  let third = '';
  const bundle = path.join(tempDir('dossier-e2e-reporting-bundle-'), '党办第1次报送.dossier-submit');
  const work = tempDir('dossier-e2e-reporting-unit-');
  const suite = useBrowserMode('dossier-e2e-reporting-', async (archiveDir) => {
    const leadArchive = openTestArchive(archiveDir);
    const unitArchive = openTestArchive(path.join(work, 'unit'));
    try {
      const { dossier, indicators } = await sampleDossier(leadArchive.api);
      const leaves = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id));
      third = `${leaves[2].code} ${leaves[2].title}`;
      await leadArchive.api['units.assign']({ dossierId: dossier.id, codes: [leaves[0].code, leaves[1].code], unit: '党办', deadline: '2000-01-01' });
      await leadArchive.api['tasks.export']({ dossierId: dossier.id, unit: '党办', out: path.join(work, 'task.dossier-task') });
      const opened = await unitArchive.api['tasks.open']({ path: path.join(work, 'task.dossier-task') });
      const unitSystem = (await unitArchive.api['dossiers.list']({}))[0].systemId!;
      const unitLeaf = (await unitArchive.api['indicators.list']({ systemId: unitSystem })).find((i) => i.code === leaves[0].code)!;
      const file = path.join(work, '党办理论学习记录.txt');
      fs.writeFileSync(file, '党办第一季度理论学习记录\n');
      await unitArchive.api['materials.add']({ dossierId: opened.dossierId, paths: [file], indicatorIds: [unitLeaf.id] });
      await unitArchive.api['submissions.export']({ out: bundle });
    } finally {
      await unitArchive.close();
      await leadArchive.close();
    }
  });

  it('receives a 报送包 after its preview, shows the progress per unit and returns a material with a comment', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('reporting-button').click();
    const dialog = page.getByTestId('reporting-dialog');
    // 分派指标: one more item to a unit not in the register yet, with its person and deadline.
    await openTab(dialog, '分派指标');
    await dialog.getByLabel('指标（可多选）').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: third }).first().click();
    await dialog.getByLabel('责任单位').fill('宣传部');
    await dialog.getByLabel('专人负责').fill('王五');
    await dialog.getByTestId('assign-submit').click();
    await dialog.getByTestId('assign-said').getByText(`已把 1 项指标分派给“宣传部”：${third.split(' ')[0]}`).waitFor();

    await openTab(dialog, '接收报送包');
    await dialog.getByTestId('receive-upload').setInputFiles(bundle);
    const preview = dialog.getByTestId('receive-preview');
    await preview.getByText('党办 第 1 次报送').waitFor();
    expect(await preview.innerText()).toContain('新增（1）');
    await dialog.getByTestId('receive-confirm').click();
    await dialog.getByTestId('receive-done').getByText('已导入：新增 1 份，重复 0 份，修改 0 份（待审）').waitFor();

    await openTab(dialog, '报送进度');
    const row = dialog.getByTestId('progress-table').getByRole('row', { name: /党办/ });
    await row.waitFor();
    await dialog.getByTestId('progress-table').getByRole('row', { name: /宣传部/ }).waitFor();
    // Two items assigned, one with material, the other past its deadline: 逾期 1, 待审 1.
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells.slice(0, 7)).toEqual(['党办', '2', '1/2', '1', '1', '0', '0']);
    expect(cells[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 每半月汇报: Excel and PDF written into exports/进度汇报/, the figures kept in the history.
    await dialog.getByTestId('progress-report').click();
    const reportWritten = dialog.getByTestId('progress-report-written');
    await reportWritten.getByText(/\.pdf/).waitFor();
    const reportFiles = await reportWritten.getByTestId('progress-report-file').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')!));
    expect(reportFiles.map((f) => path.extname(f))).toEqual(['.xlsx', '.pdf']);
    for (const f of reportFiles) {
      expect(f.startsWith(path.join(suite.archiveDir, 'exports', '进度汇报'))).toBe(true);
      expect(fs.existsSync(f)).toBe(true);
    }
    // Browser mode: each file can be downloaded (the desktop app asked for the folder instead).
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), reportWritten.getByTestId('progress-report-download').nth(1).click()]);
    expect(fs.readFileSync((await pdfDownload.path())!).equals(fs.readFileSync(reportFiles[1]))).toBe(true);
    // The dashboard's charts: each unit's items, and the trend of the kept reports.
    for (const id of ['chart-units', 'chart-trend']) await dialog.getByTestId(id).locator('canvas').waitFor();
    const kept = dialog.getByTestId('progress-history').getByRole('row', { name: /半月/ });
    expect(await kept.count()).toBe(1);
    expect(await kept.innerText()).toContain('1/3');

    await openTab(dialog, '材料审核');
    const reviewRow = dialog.getByTestId('review-table').getByRole('row', { name: /党办理论学习记录/ });
    await reviewRow.getByText('待审').waitFor();
    await reviewRow.getByRole('checkbox').check();
    await dialog.getByTestId('review-comment').fill('请补充学习签到表');
    await dialog.getByTestId('review-return').click();
    await reviewRow.getByText('退回').waitFor();
    await reviewRow.getByText('请补充学习签到表').waitFor();

    // The next 任务包 carries the 退回 back to the unit.
    await openTab(dialog, '报送进度');
    // Browser mode: written into exports/任务包/ and handed to the browser's download.
    const [taskDownload] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('progress-table').getByRole('row', { name: /党办/ }).getByRole('button', { name: '导出任务包' }).click(),
    ]);
    const written = dialog.getByTestId('tasks-written');
    await written.getByText(/已导出“党办”第 2 次任务包（2 项指标，退回 1 份）/).waitFor();
    const file = /：(\/.+\.dossier-task)/.exec(await written.innerText())![1];
    expect(file).toBe(path.join(suite.archiveDir, 'exports', '任务包', '党办-第2次.dossier-task'));
    expect(fs.existsSync(file)).toBe(true);
    expect(taskDownload.suggestedFilename()).toBe('党办-第2次.dossier-task');
    expect(fs.readFileSync((await taskDownload.path())!).equals(fs.readFileSync(file))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows a material both sides changed with both versions, and takes the unit’s when chosen', async () => {
    // The lead's clerk retitles the received material (by another process on the same archive),
    // the unit changes its own copy and sends it again.
    const leadArchive = openTestArchive(suite.archiveDir);
    const unitArchive = openTestArchive(path.join(work, 'unit'));
    try {
      const dossierId = (await leadArchive.api['dossiers.list']({}))[0].id;
      const received = (await leadArchive.api['materials.list']({ dossierId })).find((m) => m.title === '党办理论学习记录')!;
      await leadArchive.api['materials.update']({ materialId: received.id, fields: { title: '党办一季度理论学习记录' } });
      const unitDossier = (await unitArchive.api['dossiers.list']({}))[0].id;
      const mine = (await unitArchive.api['materials.list']({ dossierId: unitDossier }))[0];
      await unitArchive.api['materials.update']({ materialId: mine.id, fields: { title: '党办理论学习记录（补签到表）' } });
      const second = path.join(work, '党办第2次报送.dossier-submit');
      await unitArchive.api['submissions.export']({ out: second });
      expect((await leadArchive.api['submissions.import']({ path: second })).conflicts).toHaveLength(1);
    } finally {
      await unitArchive.close();
      await leadArchive.close();
    }

    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('reporting-button').click();
    const dialog = page.getByTestId('reporting-dialog');
    await openTab(dialog, '版本冲突');
    const card = dialog.getByTestId('conflict-card');
    await card.getByText('党办一季度理论学习记录（党办').waitFor();
    const row = card.getByRole('row', { name: /题名/ });
    expect((await row.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['题名', '党办一季度理论学习记录', '党办理论学习记录（补签到表）']);
    await card.getByRole('button', { name: '采用单位版本' }).click();
    await page.getByText('《党办一季度理论学习记录》已采用党办的版本，待审').waitFor();
    await dialog.getByTestId('conflicts-empty').waitFor();
    await openTab(dialog, '材料审核');
    await dialog.getByTestId('review-table').getByRole('row', { name: /党办理论学习记录（补签到表）/ }).getByText('待审').waitFor();
    expect(errors).toEqual([]);
  });
});
