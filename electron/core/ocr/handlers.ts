import type { HandlersOf } from '../../../shared/api';
import type { ocrApi } from '../../../shared/api/ocr';
import { ApiError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { getLiveMaterial, listMaterialsByIds } from '../materials/repo';
import { syncDocumentPhoto } from './ocrStore';

export function ocrHandlers(ctx: CoreContext): HandlersOf<typeof ocrApi> {
  const { db } = ctx.archive;
  return {
    'ocr.status': async () => ctx.ocr.status(),
    'ocr.start': async () => ctx.ocr.start(),
    'materials.setDocument': async ({ materialIds, isDocument }) => {
      db.transaction(() => {
        for (const id of materialIds) {
          const m = getLiveMaterial(db, id);
          if (m.kind !== 'photo') throw new ApiError('bad_input', `《${m.title}》不是照片：只有照片可以标记为文档（扫描件会自动识别）`);
          db.prepare('UPDATE material SET is_document = ? WHERE id = ?').run(isDocument ? 1 : 0, id);
          syncDocumentPhoto(db, m.sha256);
        }
      })();
      ctx.ocr.kick();
      return listMaterialsByIds(db, materialIds);
    },
  };
}
