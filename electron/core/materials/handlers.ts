import type { HandlersOf } from '../../../shared/api';
import { assignItemNumbers, numberFiledMaterials } from '../archival/itemNumbers';
import type { materialApi } from '../../../shared/api/materials';
import { setOnlineCategory } from './onlineCategory';
import type { CoreContext } from '../context';
import { getDossier } from '../dossiers/repo';
import { previewMaterial } from '../previews/preview';
import { searchMaterials } from '../search/search';
import { indexMaterials } from '../search/searchIndex';
import { addMaterials } from './add';
import { removeUploads } from './uploads';
import { groupPhotos, updateGroup } from './groups';
import { materialHistory } from './history';
import { startImport } from './importJob';
import { linkMaterial, unlinkMaterial } from './links';
import { readMinutes, saveMinutes } from './minutes';
import { listMaterials, materialIndex } from './listing';
import { getMaterial, listMaterialsByIds, listTrashed } from './repo';
import { purgeMaterials, restoreMaterials, trashMaterials } from './trash';
import { updateMaterial, updateMaterials } from './update';
import { ungroupPhotos } from './ungroup';
import { newBatch, undoLastBatch } from './undo';

export function materialHandlers(ctx: CoreContext): HandlersOf<typeof materialApi> {
  const { archive } = ctx;
  const { db } = archive;
  const inTransaction = <T>(body: () => T): T => db.transaction(body)();
  return {
    'materials.add': async (args) => {
      try {
        const report = await addMaterials(archive, args);
        // Add-and-wait: the caller (the CLI, a test) finds what it added through the index at once.
        indexMaterials(db, [...report.added, ...report.duplicates].map((r) => r.material.id));
        return report;
      } finally {
        await removeUploads(archive, args.paths);
      }
    },
    'materials.import': async (args) => {
      getDossier(db, args.dossierId);
      return startImport(ctx, args);
    },
    'materials.list': async ({ dossierId, indicatorId }) => {
      getDossier(db, dossierId);
      return listMaterials(db, dossierId, indicatorId);
    },
    'materials.index': async (args) => materialIndex(db, args),
    'materials.get': async ({ materialId }) => getMaterial(db, materialId),
    'materials.getMany': async ({ materialIds }) => listMaterialsByIds(db, materialIds),
    'materials.search': async (args) => searchMaterials(db, args),
    'materials.update': async ({ materialId, fields }) => updateMaterial(db, materialId, fields),
    'materials.setOnlineCategory': async ({ materialIds, category }) => setOnlineCategory(db, materialIds, category),
    'materials.updateMany': async ({ materialIds, fields }) => updateMaterials(db, materialIds, fields),
    'materials.link': async ({ materialId, indicatorId }) => linkMaterial(db, materialId, indicatorId),
    'materials.unlink': async ({ materialId, indicatorId }) => unlinkMaterial(db, materialId, indicatorId),
    'materials.linkMany': async ({ materialIds, indicatorId }) => {
      const batch = newBatch();
      return inTransaction(() => materialIds.map((id) => linkMaterial(db, id, indicatorId, batch)));
    },
    'materials.unlinkMany': async ({ materialIds, indicatorId }) => {
      const batch = newBatch();
      return inTransaction(() => materialIds.map((id) => unlinkMaterial(db, id, indicatorId, batch)));
    },
    'materials.number': async ({ dossierId, materialIds }) =>
      materialIds ? assignItemNumbers(db, dossierId, materialIds) : numberFiledMaterials(archive, dossierId),
    'materials.trash': async ({ materialIds }) => trashMaterials(db, materialIds, newBatch()),
    'materials.undoLast': async ({ dossierId }) => {
      getDossier(db, dossierId);
      return undoLastBatch(db, dossierId);
    },
    'materials.restore': async ({ materialIds }) => restoreMaterials(db, materialIds),
    'materials.purge': async ({ materialIds }) => purgeMaterials(archive, materialIds),
    'materials.listTrash': async ({ dossierId }) => {
      getDossier(db, dossierId);
      return listTrashed(db, dossierId);
    },
    // Also for purged materials: their history outlives them.
    'materials.history': async ({ materialId }) => materialHistory(db, materialId),
    'materials.preview': async ({ materialId }) => previewMaterial(archive, materialId),
    'materials.saveMinutes': async (args) => {
      getDossier(db, args.dossierId);
      return saveMinutes(archive, args);
    },
    'materials.getMinutes': async ({ materialId }) => readMinutes(archive, materialId),
    'materials.groupPhotos': async ({ dossierId, materialIds, title }) => groupPhotos(db, dossierId, materialIds, title),
    'materials.updateGroup': async ({ materialId, photos }) => updateGroup(db, materialId, photos),
    'materials.ungroupPhotos': async ({ materialId }) => ungroupPhotos(db, materialId),
  };
}
