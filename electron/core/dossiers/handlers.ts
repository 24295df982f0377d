import type { HandlersOf } from '../../../shared/api';
import type { dossierApi } from '../../../shared/api/dossiers';
import type { CoreContext } from '../context';
import { createDossier, listDossiers, setDossierSystem } from './repo';

export function dossierHandlers(ctx: CoreContext): HandlersOf<typeof dossierApi> {
  const { db } = ctx.archive;
  return {
    'dossiers.list': async () => listDossiers(db),
    'dossiers.create': async (args) => createDossier(db, args),
    'dossiers.setSystem': async ({ dossierId, systemId }) => setDossierSystem(db, dossierId, systemId),
  };
}
