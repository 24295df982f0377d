// 成员单位报送: assign, 任务包, 报送包, receive, review, progress (electron/core/bundles/).
import type { Indicator, JobOf, Material, MaterialStatus, ProgressReport, VersionConflict, TaskLinkInfo, SubmissionImportResult, SubmissionInfo, SubmitResult, TaskExportResult, TaskOpenResult, UnitProgress } from '../domain';
import { absPath, dossierRef, id, returns, text, z } from './define';
import { indicatorFieldsSchema, unitFields } from './indicators';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为“年-月-日”，如 2024-07-15');
const materialIds = z.array(id).min(1, '请至少选择一份材料').max(100_000);

export const bundleApi = {
  /** Assign indicators (by code) to a unit with an optional person and deadline; the unit joins the register as 成员单位 when new. */
  'units.assign': returns<Indicator[]>()(
    z
      .object({
        dossierId: id,
        codes: z.array(z.string().min(1).max(50)).min(1, '请至少选择一项指标').max(20_000),
        unit: unitFields.shape.name,
        person: text(200).optional(),
        deadline: indicatorFieldsSchema.shape.deadline.optional(),
      })
      .strict(),
  ),
  /** Without `out`: into the archive's exports/任务包/ as “<unit>-第N次.dossier-task”. */
  'tasks.export': returns<TaskExportResult>()(z.object({ dossierId: id, unit: unitFields.shape.name, out: absPath.optional() }).strict()),
  /** Creates or updates the unit's 报送档案 from a 任务包. */
  'tasks.open': returns<TaskOpenResult>()(z.object({ path: absPath }).strict()),
  /** null for a dossier not made from a 任务包. */
  'tasks.link': returns<TaskLinkInfo | null>()(dossierRef),
  /** Without `out`: into the archive's exports/报送包/ as “<unit>-第N次.dossier-submit”. */
  'submissions.export': returns<SubmitResult>()(z.object({ dossierId: id.optional(), out: absPath.optional(), changedOnly: z.boolean().default(false) }).strict()),
  'submissions.import': returns<SubmissionImportResult>()(z.object({ path: absPath, acceptNewKey: z.boolean().default(false) }).strict()),
  /** The same as a job: progress while the originals are checked and stored, 取消 before anything is recorded. */
  'submissions.importJob': returns<JobOf<'receive'>>()(z.object({ path: absPath, acceptNewKey: z.boolean().default(false) }).strict()),
  /** What importing would do (new, duplicates, changed, outside the assignment, withdrawn), after every check; writes nothing. */
  'submissions.preview': returns<SubmissionImportResult>()(z.object({ path: absPath, acceptNewKey: z.boolean().default(false) }).strict()),
  'submissions.list': returns<SubmissionInfo[]>()(dossierRef),
  /** Materials both the lead and a unit changed: the unit's version waits, with the differences. */
  'submissions.conflicts': returns<VersionConflict[]>()(dossierRef),
  /** 采用单位版本 (`unit`) or 保留本方版本 (`lead`); `unit` names the unit when several sent one. */
  'submissions.resolve': returns<Material>()(z.object({ materialId: id, unit: unitFields.shape.name.optional(), take: z.enum(['unit', 'lead']) }).strict()),
  'review.set': returns<MaterialStatus[]>()(
    z.object({ materialIds, state: z.enum(['passed', 'returned']), comment: text(2000).default('') }).strict(),
  ),
  /** 提供单位, 报送时间 and review state of every live material of the dossier. */
  'review.statuses': returns<MaterialStatus[]>()(dossierRef),
  'progress.get': returns<UnitProgress[]>()(z.object({ dossierId: id, today: day.optional() }).strict()),
  /**
   * 每半月汇报 as .xlsx and/or a one-page PDF, dated for the half month of `today` (neither named:
   * both, into the archive's exports/进度汇报/); the figures are kept for the trend (progress.history).
   */
  'progress.export': returns<{ xlsx: string | null; pdf: string | null }>()(
    z.object({ dossierId: id, today: day.optional(), xlsx: absPath.optional(), pdf: absPath.optional(), dir: absPath.optional() }).strict(),
  ),
  /** The kept 每半月汇报, oldest first. */
  'progress.history': returns<ProgressReport[]>()(dossierRef),
} as const;
