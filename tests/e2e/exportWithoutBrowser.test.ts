// Trust issue, point 7, as a clerk sees it: browser mode runs where no browser can convert Word
// documents. The export says so before it starts, with what to install, and goes on with
// placeholder pages only when the clerk chooses to.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { docx } from '../packets/fixtures';
import { clickUntil, openPage, useBrowserMode } from './server';

describe('export without a browser to convert documents', () => {
  const suite = useBrowserMode(
    'dossier-e2e-nobrowser-',
    async (archiveDir) => {
      const archive = openTestArchive(archiveDir);
      const { dossier, indicators } = await sampleDossier(archive.api);
      const leaf = indicators.find((i) => !indicators.some((c) => c.parentId === i.id))!;
      const file = path.join(suite.tmp, '创建工作总结.docx');
      await docx(file, ['创建工作总结正文']);
      await archive.api['materials.add']({ dossierId: dossier.id, paths: [file], indicatorIds: [leaf.id] });
      await archive.close();
    },
    // Browser mode's own lookup finds nothing; the test still drives its page with Chromium.
    { DOSSIER_CHROMIUM: '/nonexistent/chromium' },
  );

  it('warns before exporting and exports with placeholders only when asked', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('export-button').click();
    // The suggested folder (under the archive's exports/): its files can be downloaded afterwards.
    await expect.poll(() => page.getByTestId('export-out-dir').inputValue(), { timeout: 30_000 }).not.toBe('');
    const outDir = await page.getByTestId('export-out-dir').inputValue();
    expect(outDir.startsWith(path.join(suite.archiveDir, 'exports'))).toBe(true);
    const warning = page.getByTestId('export-renderer-problem');
    await clickUntil(page.getByTestId('export-start'), warning);
    const text = await warning.innerText();
    expect(text).toContain('有 1 份材料无法转换为 PDF');
    expect(text).toContain('Microsoft Edge');
    expect(text).toContain('DOSSIER_CHROMIUM');
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);

    await page.getByTestId('export-with-placeholders').click();
    await page.getByTestId('export-result').waitFor({ timeout: 150_000 });
    const pdf = await page.getByTestId('export-path-pdf').getAttribute('data-path');
    expect(execFileSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' })).toContain('无法将 Word 文档');
    // Browser mode: 下载 hands the PDF to the browser, byte for byte.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-path-pdf-download').click()]);
    expect(download.suggestedFilename()).toBe(path.basename(pdf!));
    expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(pdf!))).toBe(true);
    expect(errors).toEqual([]);
  }, 300_000);
});
