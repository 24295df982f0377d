// The member unit's side in Chromium: a 任务包 dropped in makes the 报送档案 (and the app shows
// it), a 报送包 is exported from the dialog, and the lead's 退回 with its comment comes back in the
// next 任务包 and is shown. The lead's archive is driven through the core, as its CLI does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';
import { openPage, openTab, useBrowserMode } from './server';

describe('a member unit in the browser', () => {
  const work = tempDir('dossier-e2e-unit-');
  const lead = openTestArchive(path.join(work, 'lead'));
  let leadDossierId = 0;
  let code = '';
  const suite = useBrowserMode('dossier-e2e-unit-archive-', async (archiveDir) => {
    const { dossier, indicators } = await sampleDossier(lead.api);
    leadDossierId = dossier.id;
    code = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id))[0].code;
    await lead.api['units.assign']({ dossierId: dossier.id, codes: [code], unit: '团委', deadline: '2030-06-30' });
    await lead.api['tasks.export']({ dossierId: dossier.id, unit: '团委', out: path.join(work, '团委-1.dossier-task') });
    // The unit's PC already keeps an archive of its own.
    const unit = openTestArchive(archiveDir);
    await unit.api['dossiers.create']({ name: '团委日常档案' });
    await unit.close();
  });

  it('opens a 任务包, exports a 报送包, and shows the lead’s 退回 from the next 任务包', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const openDialog = async () => {
      await page.getByTestId('reporting-button').click();
      const dialog = page.getByTestId('reporting-dialog');
      await openTab(dialog, /本单位报送/);
      return dialog;
    };
    let dialog = await openDialog();
    await dialog.getByTestId('task-upload').setInputFiles(path.join(work, '团委-1.dossier-task'));
    // The new 报送档案 is shown (the dialog closes with the old dossier's screen).
    await page.getByText('2024年度文明单位创建').first().waitFor();

    // A material filed in the unit, by another process on the same archive.
    const unit = openTestArchive(suite.archiveDir);
    const file = path.join(work, '青年志愿者活动记录.txt');
    fs.writeFileSync(file, '团委组织青年志愿者开展社区服务\n');
    try {
      const dossierId = (await unit.api['dossiers.list']({})).find((d) => d.unit === '团委')!.id;
      const leaf = (await unit.api['indicators.list']({ systemId: (await unit.api['dossiers.list']({})).find((d) => d.id === dossierId)!.systemId! })).find((i) => i.code === code)!;
      await unit.api['materials.add']({ dossierId, paths: [file], indicatorIds: [leaf.id] });
    } finally {
      await unit.close();
    }

    dialog = await openDialog();
    await dialog.getByTestId('unit-link').getByText('本档案是“团委”的报送档案：已收到第 1 次任务包，已报送 0 次').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('submit-all').click()]);
    const said = dialog.getByTestId('unit-said');
    await said.getByText(/已导出第 1 次报送包：材料 1 份，撤回 0 份/).waitFor();
    const bundle = path.join(suite.archiveDir, 'exports', '报送包', '团委-第1次.dossier-submit');
    expect(await said.innerText()).toContain(bundle);
    // Browser mode hands it to the browser's download too, byte for byte.
    expect(download.suggestedFilename()).toBe('团委-第1次.dossier-submit');
    expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(bundle))).toBe(true);

    // The lead receives it, returns the material, and sends the next 任务包.
    const received = await lead.api['submissions.import']({ path: bundle });
    expect(received.added.map((a) => a.title)).toEqual(['青年志愿者活动记录']);
    await lead.api['review.set']({ materialIds: [received.added[0].materialId], state: 'returned', comment: '请附活动照片' });
    await lead.api['tasks.export']({ dossierId: leadDossierId, unit: '团委', out: path.join(work, '团委-2.dossier-task') });
    await lead.close();

    await dialog.getByTestId('task-upload').setInputFiles(path.join(work, '团委-2.dossier-task'));
    await dialog.getByTestId('task-said').getByText(/已更新“团委”的报送档案（第 2 次任务包）.*审核意见 1 条/).waitFor();
    const row = dialog.getByTestId('unit-reviews').getByRole('row', { name: /青年志愿者活动记录/ });
    await row.getByText('退回').waitFor();
    await row.getByText('请附活动照片').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('a member unit on a PC with no dossier yet', () => {
  const work = tempDir('dossier-e2e-unit-fresh-');
  const suite = useBrowserMode('dossier-e2e-unit-fresh-archive-', async () => {
    const lead = openTestArchive(path.join(work, 'lead'));
    try {
      const { dossier, indicators } = await sampleDossier(lead.api);
      const code = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id))[0].code;
      await lead.api['units.assign']({ dossierId: dossier.id, codes: [code], unit: '妇联', deadline: '2030-06-30' });
      await lead.api['tasks.export']({ dossierId: dossier.id, unit: '妇联', out: path.join(work, '妇联-1.dossier-task') });
    } finally {
      await lead.close();
    }
  });

  it('opens the 任务包 from the first-run screen and lands in the new 报送档案', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const card = page.getByTestId('first-run-task');
    await card.getByText('成员单位：打开牵头单位的任务包').waitFor();
    await card.getByTestId('task-upload').setInputFiles(path.join(work, '妇联-1.dossier-task'));
    // The main screen of the new 报送档案, with the unit's one assigned indicator.
    await page.getByTestId('reporting-button').waitFor();
    await page.getByText('2024年度文明单位创建').first().waitFor();
    const unit = openTestArchive(suite.archiveDir);
    try {
      const [dossier] = await unit.api['dossiers.list']({});
      expect(dossier.unit).toBe('妇联');
    } finally {
      await unit.close();
    }
    expect(errors).toEqual([]);
  });
});
