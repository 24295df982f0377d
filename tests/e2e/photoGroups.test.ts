// 组照 in Chromium, as a clerk: two photos grouped, a caption given, the group split again
// (拆分组照) — two photo rows come back, filed where the group was, each with its caption as 说明.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { photo } from '../materials/fixtures';
import { clickUntil, openPage, openTab, useBrowserMode } from './server';

describe('组照 in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-groups-', async (archiveDir) => {
    const files = path.join(suite.tmp, 'files');
    fs.mkdirSync(files);
    const paths = [];
    for (const [name, color] of [['升旗仪式1.jpg', '#c33'], ['升旗仪式2.jpg', '#36c']]) {
      paths.push(path.join(files, name));
      fs.writeFileSync(paths.at(-1)!, await photo({ color }));
    }
    const t = openTestArchive(archiveDir);
    const { dossier, indicators } = await sampleDossier(t.api);
    const leaf = indicators.find((i) => i.code === '1.1')!;
    await t.api['materials.add']({ dossierId: dossier.id, paths, indicatorIds: [leaf.id] });
    await t.close();
  });

  it('groups two photos, captions one, splits the group and sees two photo rows again', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const list = page.getByTestId('material-list');
    const rows = list.getByTestId('material-row');
    // A single photo's row: its title, not the group's “N 张照片”.
    const photoRow = (title: string) => rows.filter({ hasText: title }).filter({ hasNotText: '张照片' });
    const groupRow = rows.filter({ hasText: '2 张照片' });
    const drawer = page.getByTestId('material-drawer');

    // The bulk bar (or its stand-in while its code loads) comes with the selecting click: the list
    // moves once, then, and not a moment later under the clerk's next click.
    await photoRow('升旗仪式2').waitFor();
    const secondTop = () => photoRow('升旗仪式2').evaluate((row) => row.getBoundingClientRect().top);
    const before = await secondTop();
    const withClick = await photoRow('升旗仪式1')
      .getByRole('checkbox')
      .evaluate(async (box) => {
        (box as HTMLInputElement).click();
        await Promise.resolve();
        const rows = [...document.querySelectorAll('[data-testid="material-row"]')];
        const second = rows.find((r) => r.textContent?.includes('升旗仪式2') && !r.textContent.includes('张照片'))!;
        return second.getBoundingClientRect().top;
      });
    await page.getByTestId('bulk-bar').waitFor();
    expect(withClick).toBeGreaterThan(before);
    expect(await secondTop()).toBe(withClick);
    await photoRow('升旗仪式2').getByRole('checkbox').check();
    await page.getByTestId('bulk-group').click();
    await page.getByTestId('group-title').fill('升旗仪式组照');
    await page.getByTestId('group-ok').click();
    await groupRow.waitFor();
    await photoRow('升旗仪式2').waitFor({ state: 'detached' });

    // The new group opens by itself: a caption for the first photo, saved in the group editor.
    await openTab(drawer, '组照顺序与说明');
    await drawer.getByLabel('第 1 张说明').fill('升旗手入场');
    await drawer.getByTestId('group-save').click();
    await page.getByText('已保存组照“升旗仪式组照”的顺序与说明').waitFor();
    await openTab(drawer, '变更记录');
    await drawer.getByTestId('history-entry').filter({ hasText: '调整组照' }).waitFor();

    // 拆分组照, confirmed in the popconfirm.
    await drawer.getByTestId('ungroup').click();
    await clickUntil(page.getByRole('button', { name: '拆分', exact: true }), page.getByText('已拆分为 2 张照片'));
    await groupRow.waitFor({ state: 'detached' });
    await photoRow('升旗仪式1').waitFor();
    await photoRow('升旗仪式2').waitFor();

    // Still filed under 1.1, where the group was.
    await page.getByTestId('indicator-node-1.1').click();
    await photoRow('升旗仪式1').waitFor();
    await photoRow('升旗仪式2').waitFor();
    expect(await groupRow.count()).toBe(0);

    // The caption became the photo's 说明, and its change log tells the story.
    await photoRow('升旗仪式1').getByTestId('material-title').click();
    await expect.poll(() => drawer.getByLabel('说明').inputValue(), { timeout: 30_000 }).toBe('升旗手入场');
    await openTab(drawer, '变更记录');
    await drawer.getByTestId('history-entry').filter({ hasText: '拆分组照：从组照《升旗仪式组照》' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
