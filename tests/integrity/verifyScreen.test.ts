// The 四性检测与备份 dialog in browser mode, driven in Chromium as a clerk would: run the check,
// read the verdict and the four headings, export the PDF report, back up now, restore it into
// a new folder; stopping the server takes the on-exit automatic backup.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupDir } from '../../electron/core/backup/location';
import { clickUntil, openPage, useBrowserMode } from '../e2e/server';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';
import { encryptPdf } from '../packets/fixtures';
import { plainPdf } from './fixtures';


describe('四性检测 screen (browser mode)', () => {
  const suite = useBrowserMode('dossier-verify-ui-', async (archiveDir) => {
    const t = openTestArchive(archiveDir);
    const { dossier } = await sampleDossier(t.api);
    const inputs = tempDir('dossier-verify-ui-in-');
    await plainPdf(path.join(inputs, '实施方案.pdf'), 2);
    encryptPdf(path.join(inputs, '实施方案.pdf'), path.join(inputs, '加密的通知.pdf'));
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
    await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain('检测通过：共 2 个文件');
    for (const check of ['authenticity', 'integrity', 'usability', 'security']) {
      expect(await page.getByTestId(`verify-section-${check}`).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('verify-section-security').textContent()).toContain('1 个提示');
    expect(await page.getByTestId('verify-problems').textContent()).toContain('PDF 已加密');

    await page.getByTestId('verify-export-pdf').click();
    const exported = await page.getByTestId('verify-exported').first().getAttribute('data-path', { timeout: 30_000 });
    expect(exported).toMatch(/四性检测报告-.*\.pdf$/);
    expect(execFileSync('pdftotext', [exported!, '-']).toString()).toContain('安全性检测');

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByTestId('backup-now').click();
    const made = await page.getByTestId('backup-made').getAttribute('data-path', { timeout: 30_000 });
    expect(path.dirname(made!)).toBe(defaultBackupDir(archiveDir));
    expect(fs.statSync(made!).size).toBeGreaterThan(1000);

    const target = path.join(suite.tmp, '恢复的档案库');
    await page.getByTestId('restore-file').fill(made!);
    await page.getByTestId('restore-target').fill(target);
    await page.getByTestId('restore-run').click();
    await expect.poll(() => page.getByTestId('restore-result').textContent().catch(() => ''), { timeout: 30_000 }).toContain('四性检测通过');
    expect(fs.existsSync(path.join(target, 'archive.db'))).toBe(true);

    // Stopping browser mode takes the on-exit automatic backup.
    await server.stop();
    const auto = fs.readdirSync(defaultBackupDir(archiveDir)).filter((n) => n.startsWith('自动备份-'));
    expect(auto.length).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
