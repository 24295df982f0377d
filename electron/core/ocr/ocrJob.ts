import type { OcrReport } from '../../../shared/domain';
import { toErrorShape } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import type { JobControl } from '../jobs/jobRegistry';
import type { OcrEngine } from './engine';
import { claimNext, failBlob, finishBlob, ocrPageNumbers, pendingCount, releaseClaim } from './ocrStore';
import { OcrFailure, readBlob } from './readBlob';

/**
 * Read what waits for OCR, one file after another, until none is left or the job is cancelled
 * (the file under way keeps the pages it read and stays pending: the next run goes on from
 * there). A file that cannot be read is marked failed with its reason and the rest go on.
 */
export async function runPendingOcr(archive: Archive, engine: OcrEngine, control: JobControl): Promise<OcrReport> {
  const { db } = archive;
  const report: OcrReport = { read: 0, pages: 0, failed: [] };
  while (!control.signal.aborted) {
    const next = claimNext(db);
    if (!next) break;
    const finished = report.read + report.failed.length;
    const total = finished + pendingCount(db);
    const title = next.title ?? '（已删除的材料）';
    try {
      const { damagedPages } = await readBlob(archive, engine, next.sha256, next.mediaType, control.signal, ({ page, pages }) =>
        control.report((finished + (page - 1) / pages) / total, `正在识别《${title}》第 ${page}/${pages} 页（共 ${total} 份，已完成 ${finished} 份）`),
      );
      if (control.signal.aborted) {
        releaseClaim(db, next.sha256);
        break;
      }
      // What could be read is searchable even when a page could not be.
      finishBlob(db, next.sha256);
      report.pages += ocrPageNumbers(db, next.sha256).length;
      if (damagedPages.length) {
        const reason = `第 ${damagedPages.join('、')} 页的扫描图像已损坏，无法识别（其余页面已识别）`;
        failBlob(db, next.sha256, reason);
        report.failed.push({ materialTitle: title, reason });
      } else report.read += 1;
    } catch (err) {
      const reason = err instanceof OcrFailure ? err.message : `识别时出错：${toErrorShape(err).message}`;
      failBlob(db, next.sha256, reason);
      report.failed.push({ materialTitle: title, reason });
    }
  }
  return report;
}
