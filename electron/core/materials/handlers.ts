import type { HandlersOf } from '../../../shared/api';
import type { materialApi } from '../../../shared/api/materials';
import type { CoreContext } from '../context';
import { getDossier } from '../dossiers/repo';
import { searchMaterials } from '../search/search';
import { addMaterials } from './add';
import { linkMaterial, unlinkMaterial } from './links';
import { listMaterials } from './repo';

export function materialHandlers(ctx: CoreContext): HandlersOf<typeof materialApi> {
  const { db } = ctx.archive;
  return {
    'materials.add': async (args) => addMaterials(ctx.archive, args),
    'materials.list': async ({ dossierId, indicatorId }) => {
      getDossier(db, dossierId);
      return listMaterials(db, dossierId, indicatorId);
    },
    'materials.search': async ({ dossierId, query }) => searchMaterials(db, dossierId, query),
    'materials.link': async ({ materialId, indicatorId }) => linkMaterial(db, materialId, indicatorId),
    'materials.unlink': async ({ materialId, indicatorId }) => unlinkMaterial(db, materialId, indicatorId),
  };
}
