import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { VerifyExport } from '../../../../shared/domain';
import type { Archive } from '../../archive/archive';
import { describeWriteError } from '../../backup/writeErrors';
import { verifyArchive } from '../verify';
import { verifyReportPdf } from './reportPdf';
import { writeVerifyReportXlsx } from './reportXlsx';

/** Run 四性检测 and write its report; a temp name first, so a full disk leaves no half file. */
export async function exportVerifyReport(archive: Archive, format: 'pdf' | 'xlsx', outDir?: string): Promise<VerifyExport> {
  const report = await verifyArchive(archive);
  const dir = outDir ?? path.join(archive.root, 'exports');
  const stamp = report.checkedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const target = path.join(dir, `四性检测报告-${stamp}.${format}`);
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
