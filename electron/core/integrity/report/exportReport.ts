import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { VerifyExport } from '../../../../shared/domain';
import type { Archive } from '../../archive/archive';
import { describeWriteError } from '../../backup/writeErrors';
import { verifyArchive } from '../verify';
import { verifyReportPdf } from './reportPdf';
import { writeVerifyReportXlsx } from './reportXlsx';

/** Where a report goes: a file the clerk chose (its extension made right), or a folder. */
export type ReportTarget = { file: string } | { dir?: string };

/** Run 四性检测 and write its report; a temp name first, so a full disk leaves no half file. */
export async function exportVerifyReport(archive: Archive, format: 'pdf' | 'xlsx', to: ReportTarget = {}): Promise<VerifyExport> {
  const report = await verifyArchive(archive);
  const stamp = report.checkedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const chosen = 'file' in to ? path.resolve(to.file) : null;
  const ext = `.${format}`;
  const target = chosen
    ? chosen.toLowerCase().endsWith(ext) ? chosen : `${chosen}${ext}`
    : path.join((to as { dir?: string }).dir ?? path.join(archive.root, 'exports'), `四性检测报告-${stamp}${ext}`);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${randomUUID()}.partial`);
  try {
    await fs.mkdir(dir, { recursive: true });
    if (format === 'pdf') await fs.writeFile(temp, await verifyReportPdf(report), { flag: 'wx' });
    else await writeVerifyReportXlsx(report, temp);
    await fs.rename(temp, target);
    return { path: target };
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw describeWriteError(err, `无法写入检测报告 ${target}`);
  }
}
