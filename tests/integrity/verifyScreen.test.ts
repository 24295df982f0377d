// The 四性检测与备份 dialog in browser mode, driven in Chromium as a clerk would: run the check,
// read the verdict and the four headings (file kinds in Chinese, no media types, no stored
// paths), save the PDF report where the clerk chooses (the browser's download), back up now,
// restore it from its row into a new folder; stopping the server takes the on-exit automatic backup.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupDir } from '../../electron/core/backup/location';
import { clickUntil, openPage, repoRoot, useBrowserMode } from '../e2e/server';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';
import { encryptPdf } from '../packets/fixtures';
import sharp from 'sharp';
import { plainPdf } from './fixtures';


describe('四性检测 screen (browser mode)', () => {
  const suite = useBrowserMode('dossier-verify-ui-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    const { dossier } = await sampleDossier(t.api);
    const inputs = tempDir('dossier-verify-ui-in-');
    await plainPdf(path.join(inputs, '实施方案.pdf'), 2);
    encryptPdf(path.join(inputs, '实施方案.pdf'), path.join(inputs, '加密的通知.pdf'));
    // A photo named as a PDF: kept as what it is, with a warning that must name kinds in Chinese.
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).jpeg().toFile(path.join(inputs, '名不副实.pdf'));
    await t.api['materials.add']({ dossierId: dossier.id, paths: [inputs] });
    await t.close();
  });
  const { archiveDir } = suite;

  it('runs the check, exports the report, backs up and restores', async () => {
    const server = suite.server();
    const { page } = await openPage(suite.browser(), server.url);
    await page.getByTestId('integrity-button').click();
    // Started once the button shows it is busy, or the verdict is already there.
    const verdict = page.getByTestId('verify-verdict');
    await clickUntil(page.getByTestId('verify-run'), page.locator('[data-testid=verify-run].ant-btn-loading').or(verdict));
    await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain('检测通过：共 3 个文件');
    for (const check of ['authenticity', 'integrity', 'usability', 'security']) {
      expect(await page.getByTestId(`verify-section-${check}`).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('verify-section-security').textContent()).toContain('1 个提示');
    const problems = (await page.getByTestId('verify-problems').textContent()) ?? '';
    expect(problems).toContain('PDF 已加密');
    expect(problems).toContain('内容实际为JPEG 图片');
    // Nothing technical on the screen: no media type, no hash, no path into the store.
    const screen = (await page.getByTestId('verify-panel').innerText()) ?? '';
    expect(screen).not.toMatch(/application\/|image\/|[0-9a-f]{12,}|[\\/]store[\\/]/);
    fs.mkdirSync(path.join(repoRoot, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/integrity.jpg'), type: 'jpeg', quality: 70 });

    // The report goes where the clerk saves the browser's download, not silently into the archive.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('verify-export-pdf').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^四性检测报告-[\d-]+\.pdf$/);
    const chosen = path.join(suite.tmp, '我选的文件夹', download.suggestedFilename());
    await download.saveAs(chosen);
    expect(execFileSync('pdftotext', [chosen, '-']).toString()).toContain('安全性检测');
    await page.getByTestId('verify-exported').first().waitFor();

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByTestId('backup-now').click();
    const made = await page.getByTestId('backup-made').getAttribute('data-path', { timeout: 30_000 });
    expect(path.dirname(made!)).toBe(defaultBackupDir(archiveDir));
    expect(fs.statSync(made!).size).toBeGreaterThan(1000);

    // Restore from the backup's row: confirm, into a folder typed in the dialog.
    const row = page.getByTestId('backup-row').filter({ hasText: path.basename(made!) });
    await row.getByTestId('backup-restore').click();
    const target = path.join(suite.tmp, '恢复的档案库');
    await page.getByTestId('restore-target').fill(target);
    await page.getByTestId('restore-run').click();
    await expect.poll(() => page.getByTestId('restore-result').textContent().catch(() => ''), { timeout: 30_000 }).toContain('四性检测通过');
    expect(fs.existsSync(path.join(target, 'archive.db'))).toBe(true);

    // Again without naming a folder: a new one beside the archive, named after it and the backup.
    await row.getByTestId('backup-restore').click();
    await page.getByTestId('restore-run').click();
    const beside = page.getByTestId('restore-path');
    await expect.poll(() => beside.getAttribute('data-path').catch(() => ''), { timeout: 30_000 }).toMatch(/archive-恢复-\d{8}-\d{6}$/);
    const besidePath = (await beside.getAttribute('data-path'))!;
    expect(path.dirname(besidePath)).toBe(path.dirname(archiveDir));
    expect(fs.existsSync(path.join(besidePath, 'archive.db'))).toBe(true);

    // Stopping browser mode takes the on-exit automatic backup.
    await server.stop();
    const auto = fs.readdirSync(defaultBackupDir(archiveDir)).filter((n) => n.startsWith('自动备份-'));
    expect(auto.length).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
