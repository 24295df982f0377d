// A clerk defines a packet in the UI (browser mode in Debian's Chromium): a subset of indicators
// and a custom cover title, saves it, exports it, and the PDF shows exactly that.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { chinesePdf } from '../packets/fixtures';
import { clickUntil, openPage, useBrowserMode } from './server';


describe('packet definitions in the UI', () => {
  let kept: Indicator;
  let dropped: Indicator;

  const suite = useBrowserMode('dossier-e2e-packets-', async (archiveDir) => {
    // The archive a clerk has been filling: two categories, one material under each.
    const archive = openTestArchive(archiveDir);
    const { dossier, indicators } = await sampleDossier(archive.api);
    const roots = indicators.filter((i) => i.parentId === null);
    [kept, dropped] = roots;
    const leafUnder = (root: Indicator) => {
      let node = root;
      for (;;) {
        const child = indicators.find((i) => i.parentId === node.id);
        if (!child) return node;
        node = child;
      }
    };
    const a = path.join(suite.tmp, '第一类工作台账.pdf');
    const b = path.join(suite.tmp, '第二类工作台账.pdf');
    await chinesePdf(a, ['第一类工作台账正文']);
    await chinesePdf(b, ['第二类工作台账正文']);
    await archive.api['materials.add']({ dossierId: dossier.id, paths: [a], indicatorIds: [leafUnder(kept).id] });
    await archive.api['materials.add']({ dossierId: dossier.id, paths: [b], indicatorIds: [leafUnder(dropped).id] });
    await archive.close();
  });

  it('defines a packet with a subset of indicators and a custom title, exports it, and the PDF shows only those', async () => {
    const { page, errors: pageErrors } = await openPage(suite.browser(), suite.server().url);
    try {
      await page.getByTestId('export-button').click();
      const editor = page.getByTestId('packet-editor');
      await clickUntil(page.getByTestId('packet-new'), editor);
      await page.getByTestId('packet-name').fill('第一类专项');
      await page.getByTestId('packet-cover-title').fill('2024年度第一类专项迎检资料');
      // Untick the second category: everything below it goes too.
      await page
        .locator('.ant-tree-treenode', { has: page.getByTestId(`packet-indicator-${dropped.code}`) })
        .locator('.ant-tree-checkbox')
        .first()
        .click();
      await page.getByText(/指标：已选 \d+ 项/).waitFor();
      await page.getByTestId('packet-save').click();
      await editor.waitFor({ state: 'detached' });
      await page.getByTestId('packet-select').getByText('第一类专项').waitFor();

      const outDir = path.join(suite.tmp, '输出');
      await expect.poll(() => page.getByTestId('export-out-dir').inputValue(), { timeout: 30_000 }).not.toBe('');
      await page.getByTestId('export-out-dir').fill(outDir);
      await page.getByTestId('export-start').click();
      await page.getByTestId('export-result').waitFor({ timeout: 150_000 });
      const pdf = await page.getByTestId('export-path-pdf').getAttribute('data-path');
      const text = execFileSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' });
      expect(text).toContain('2024年度第一类专项迎检资料');
      expect(text).toContain(kept.title);
      expect(text).toContain('第一类工作台账正文');
      expect(text).not.toContain(dropped.title);
      expect(text).not.toContain('第二类工作台账');
      expect(pageErrors).toEqual([]);
    } catch (err) {
      const shot = path.join(os.tmpdir(), 'dossier-e2e-packets-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(err as Error).message}\n截图：${shot}\n服务输出：\n${suite.server().output().slice(-2000)}`, { cause: err });
    }
  }, 300_000);
});
