import type { HandlersOf } from '../../../shared/api';
import type { dossierApi } from '../../../shared/api/dossiers';
import type { CoreContext } from '../context';
import { copyToNewCycle } from './newCycle';
import { createDossier, listDossiers, setDossierSystem, setArchivalRule } from './repo';
import { getSelfEvaluation, setPassLine, setSelfEvaluation } from './selfEvaluation';
import { setStatement } from './statements';

export function dossierHandlers(ctx: CoreContext): HandlersOf<typeof dossierApi> {
  const { db } = ctx.archive;
  return {
    'dossiers.list': async () => listDossiers(db),
    'dossiers.create': async (args) => createDossier(db, args),
    'dossiers.setSystem': async ({ dossierId, systemId }) => setDossierSystem(db, dossierId, systemId),
    'dossiers.setArchivalRule': async ({ dossierId, rule }) => setArchivalRule(db, dossierId, rule),
    'dossiers.newCycle': async (args) => copyToNewCycle(db, args),
    'selfEval.get': async ({ dossierId }) => getSelfEvaluation(db, dossierId),
    'selfEval.set': async ({ dossierId, indicatorId, ...entry }) => setSelfEvaluation(db, dossierId, indicatorId, entry),
    'selfEval.setStatement': async ({ dossierId, indicatorId, statement }) => {
      setStatement(db, dossierId, indicatorId, statement);
      return getSelfEvaluation(db, dossierId);
    },
    'selfEval.setPassLine': async ({ dossierId, passLine }) => setPassLine(db, dossierId, passLine),
  };
}
