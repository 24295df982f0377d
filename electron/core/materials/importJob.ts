import fs from 'node:fs/promises';
import path from 'node:path';
import type { JobOf } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { addMaterials, type AddOptions } from './add';

/**
 * Browser mode uploads into tmp/uploads/<id>/ before importing; once the import has copied them
 * into the store they go. Only folders inside the archive's own upload area are ever removed.
 */
async function removeUploads(uploadsDir: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    const rel = path.relative(uploadsDir, p);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      await fs.rm(path.join(uploadsDir, rel.split(path.sep)[0]), { recursive: true, force: true });
    }
  }
}

/** Start an import as a job: progress per file, cancel between files (files under way finish). */
export function startImport(ctx: CoreContext, options: Omit<AddOptions, 'signal' | 'onProgress'>): JobOf<'import'> {
  const uploadsDir = path.join(ctx.archive.tmpDir, 'uploads');
  return ctx.jobs.start('import', async (control) => {
    try {
      return await addMaterials(ctx.archive, {
        ...options,
        signal: control.signal,
        onProgress: (done, total, file) =>
          control.report(total ? done / total : 0, total ? `已处理 ${done}/${total}${file ? `：${path.basename(file)}` : ''}` : '正在读取文件夹…'),
      });
    } finally {
      await removeUploads(uploadsDir, options.paths);
    }
  }) as JobOf<'import'>;
}
