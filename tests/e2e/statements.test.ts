// 结论性说明 in Chromium, as a clerk: written in the 自评 view for one indicator, refused over
// 500 characters with the count, saved and shown in its row; the export dialog offers the
// packet's choice for indicators without material and the internal 缺项 report.
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { clickUntil, openPage, useBrowserMode } from './server';

describe('结论性说明 in the browser', () => {
  let dossierId = 0;
  let indicatorId = 0;
  const suite = useBrowserMode('dossier-e2e-statement-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    const { dossier, indicators } = await sampleDossier(t.api);
    dossierId = dossier.id;
    indicatorId = indicators.find((i) => i.code === '1.1')!.id;
    await t.close();
  });

  it('writes a statement, is told when it is too long, and sees it saved', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('open-selfeval').click();
    const text = page.getByTestId('statement-text');
    await clickUntil(page.getByTestId('statement-edit-1.1'), text);
    await text.fill('创'.repeat(503));
    const tooLong = page.getByTestId('statement-too-long');
    await tooLong.waitFor();
    expect(await tooLong.innerText()).toContain('最多 500 字，现有 503 字，请删去 3 字后再保存');
    expect(await page.getByTestId('statement-save').isDisabled()).toBe(true);
    await text.fill('成立创建工作领导小组，每季度专题研究创建工作。');
    await tooLong.waitFor({ state: 'detached' });
    expect(await page.getByTestId('statement-count').innerText()).toBe('23 / 500 字');
    await page.getByTestId('statement-save').click();
    await page.getByTestId('statement-1.1').getByText('成立创建工作领导小组，每季度专题研究创建工作。').waitFor();
    expect(await page.getByTestId('statement-edit-1.1').innerText()).toMatch(/修\s*改/);

    // Saved in the archive, as the packet will print it.
    const server = suite.server();
    const res = await fetch(`${server.origin}/api/selfEval.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
      body: JSON.stringify({ dossierId }),
    });
    const rows = ((await res.json()) as { result: { rows: { indicatorId: number; statement: string }[] } }).result.rows;
    expect(rows.find((r) => r.indicatorId === indicatorId)!.statement).toBe('成立创建工作领导小组，每季度专题研究创建工作。');
    expect(errors).toEqual([]);
  }, 120_000);
});
