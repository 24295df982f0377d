// The export dialog, as a clerk: before exporting it lists what will be left out (an unfiled
// material, 缺项 indicators, a video that becomes a placeholder page); each entry jumps to the
// indicator or material where it can be fixed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { chinesePdf, mp4 } from '../packets/fixtures';
import { clickUntil, openPage, useBrowserMode } from './server';

describe('export summary in the browser', () => {
  let gapCode = '';
  let gapTitle = '';
  const suite = useBrowserMode('dossier-e2e-leftout-', async (archiveDir) => {
    const files = path.join(suite.tmp, 'files');
    fs.mkdirSync(files, { recursive: true });
    const loose = path.join(files, '未归档的通知.pdf');
    await chinesePdf(loose, ['通知']);
    const video = path.join(files, '宣传片.mp4');
    mp4(video);
    const t = openTestArchive(archiveDir);
    const { dossier, indicators } = await sampleDossier(t.api);
    const leaves = indicators.filter((i) => i.kind !== 'veto' && !indicators.some((j) => j.parentId === i.id));
    await t.api['materials.add']({ dossierId: dossier.id, paths: [loose] });
    await t.api['materials.add']({ dossierId: dossier.id, paths: [video], indicatorIds: [leaves[0].id] });
    gapCode = leaves[1].code;
    gapTitle = leaves[1].title;
    await t.close();
  });

  it('lists what will be left out and jumps to each', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const summary = page.getByTestId('leftout-summary');
    await clickUntil(page.getByTestId('export-button'), summary);
    const text = await summary.innerText();
    expect(text).toContain('1 份材料不会编入');
    expect(text).toContain('1 份材料将以说明页代替内容');
    expect(text).toMatch(/\d+ 项指标暂无材料（缺项），\d+ 项不编入迎检资料/);

    // A 缺项 indicator: the dialog closes and the indicator is shown.
    await summary.getByText(/项指标暂无材料/).click();
    await page.getByTestId(`leftout-indicator-${gapCode}`).click();
    await summary.waitFor({ state: 'detached' });
    await page.getByTestId('indicator-details').getByText(gapTitle).first().waitFor();

    // The unfiled material: its drawer opens.
    await clickUntil(page.getByTestId('export-button'), summary);
    await summary.getByText('1 份材料不会编入').click();
    const unfiled = page.getByTestId('leftout-unfiled');
    expect((await unfiled.innerText()).replace(/\s+/g, '')).toContain('未归档的通知：尚未归入任何指标');
    await unfiled.getByRole('button', { name: '未归档的通知' }).click();
    await page.getByTestId('material-drawer').getByText('未归档的通知').first().waitFor();

    // Its 网上申报 category: by its kind (规范文件), changed here to 情况说明 and saved.
    const category = page.getByTestId('material-online-category');
    expect(await category.innerText()).toContain('网上申报：规范文件（按类型）');
    const option = page.locator('.ant-select-item-option', { hasText: '网上申报：情况说明' });
    await clickUntil(category, option);
    await option.click();
    const server = suite.server();
    await expect
      .poll(async () => {
        const res = await fetch(`${server.origin}/api/materials.list`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
          body: JSON.stringify({ dossierId: 1 }),
        });
        const list = ((await res.json()) as { result: { title: string; onlineCategory: string }[] }).result;
        return list.find((m) => m.title === '未归档的通知')?.onlineCategory;
      })
      .toBe('情况说明');
    expect(errors).toEqual([]);
  }, 120_000);
});
