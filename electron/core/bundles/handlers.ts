import path from 'node:path';
import type { HandlersOf } from '../../../shared/api';
import type { bundleApi } from '../../../shared/api/bundles';
import type { JobOf, TaskLinkInfo } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { assignIndicators } from './assignment';
import { listConflicts, resolveConflict } from './conflicts';
import { getDossier } from '../dossiers/repo';
import { localDate, unitProgress } from './progress';
import { keepReport, listReports } from './progressHistory';
import { defaultReportFiles, writeProgressPdf, writeProgressXlsx } from './progressReport';
import { receiveSubmission } from './receive';
import { dossierStatuses, reviewMaterials } from './review';
import { submitMaterials } from './submit';
import { listSubmissions } from './submissions';
import { exportTasks } from './taskExport';
import { openTasks } from './taskOpen';

export function bundleHandlers(ctx: CoreContext): HandlersOf<typeof bundleApi> {
  const { archive } = ctx;
  const { db } = archive;
  return {
    'units.assign': async (args) => assignIndicators(db, args),
    'tasks.export': async (args) => exportTasks(archive, args),
    'tasks.open': async ({ path }) => openTasks(archive, path),
    'tasks.link': async ({ dossierId }) => {
      const row = db.prepare('SELECT dossier_id AS dossierId, unit, task_round AS taskRound, submit_round AS submitRound FROM task_link WHERE dossier_id = ?').get(dossierId);
      return (row as TaskLinkInfo | undefined) ?? null;
    },
    'submissions.export': async (args) => submitMaterials(archive, args),
    'submissions.import': async ({ path, acceptNewKey }) => receiveSubmission(archive, path, { acceptNewKey }),
    'submissions.importJob': async ({ path, acceptNewKey }) =>
      ctx.jobs.start('receive', (control) => receiveSubmission(archive, path, { acceptNewKey, signal: control.signal, onProgress: control.report })) as JobOf<'receive'>,
    'submissions.preview': async ({ path, acceptNewKey }) => receiveSubmission(archive, path, { acceptNewKey, preview: true }),
    'submissions.list': async ({ dossierId }) => listSubmissions(db, dossierId),
    'submissions.conflicts': async ({ dossierId }) => listConflicts(db, dossierId),
    'submissions.resolve': async (args) => resolveConflict(db, args),
    'review.set': async (args) => reviewMaterials(db, args),
    'review.statuses': async ({ dossierId }) => dossierStatuses(db, dossierId),
    'progress.get': async ({ dossierId, today }) => unitProgress(db, dossierId, today),
    'progress.export': async ({ dossierId, today = localDate(new Date()), ...named }) => {
      const list = unitProgress(db, dossierId, today);
      const name = getDossier(db, dossierId).name;
      const { xlsx, pdf } = named.xlsx || named.pdf ? named : defaultReportFiles(named.dir ?? path.join(archive.root, 'exports', '进度汇报'), name, today);
      keepReport(db, dossierId, today, list);
      if (xlsx) await writeProgressXlsx(list, name, today, xlsx);
      if (pdf) await writeProgressPdf(list, name, today, pdf, listReports(db, dossierId));
      return { xlsx: xlsx ?? null, pdf: pdf ?? null };
    },
    'progress.history': async ({ dossierId }) => listReports(db, dossierId),
  };
}
