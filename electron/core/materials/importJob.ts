import path from 'node:path';
import type { JobOf } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { addMaterials, type AddOptions } from './add';
import { removeUploads } from './uploads';

/** Start an import as a job: progress per file, cancel between files (files under way finish). */
export function startImport(ctx: CoreContext, options: Omit<AddOptions, 'signal' | 'onProgress'>): JobOf<'import'> {
  return ctx.jobs.start('import', async (control) => {
    try {
      return await addMaterials(ctx.archive, {
        ...options,
        signal: control.signal,
        onProgress: (done, total, file) =>
          control.report(total ? done / total : 0, total ? `已处理 ${done}/${total}${file ? `：${path.basename(file)}` : ''}` : '正在读取文件夹…'),
      });
    } finally {
      ctx.searchIndexer.kick();
      ctx.ocr.kick();
      await removeUploads(ctx.archive, options.paths);
    }
  }) as JobOf<'import'>;
}
