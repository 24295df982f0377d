import type {
  AddReport,
  AuditEntry,
  BulkUndoResult,
  JobOf,
  Material,
  MaterialIndex,
  MaterialPreview,
  MinutesForm,
  SearchResult,
} from '../domain';
import { clerkDateHint, defaultMaterialSort, ONLINE_CATEGORIES, parseClerkDate, SEARCH_LIMIT, SEARCH_PAGE } from '../domain';
import { absPath, dossierRef, id, returns, text, z } from './define';

const linkRef = z.object({ materialId: id, indicatorId: id }).strict();
const materialRef = z.object({ materialId: id }).strict();
const materialIds = z.array(id).min(1, '请至少选择一份材料').max(100_000);
const manyRef = z.object({ materialIds }).strict();
const manyLinkRef = z.object({ materialIds, indicatorId: id }).strict();

const kinds = ['document', 'photo', 'photo_group', 'minutes', 'video', 'spreadsheet', 'other'] as const;
const kindList = z.array(z.enum(kinds, { error: '未知的材料类别' })).max(kinds.length);
/** A date as a clerk writes it (2023年6月15日 …), kept as DA/T 22's eight digits; '' for none. */
const eightDigitDate = z.string().transform((value, ctx) => {
  const date = parseClerkDate(value);
  if (date !== null) return date;
  ctx.issues.push({ code: 'custom', input: value, message: `“${value.trim()}”不是有效日期，${clerkDateHint}` });
  return z.NEVER;
});

/** DA/T 22 and DA/T 50 fields; every one optional, so an edit changes only what it names. */
export const materialFieldsSchema = z
  .object({
    title: text(500).min(1, '题名不能为空'),
    responsible: text(200),
    docNumber: text(100),
    date: eightDigitDate,
    securityLevel: text(20),
    retention: text(20),
    pages: z.number().int('页数应为整数').min(0, '页数不能为负').max(1_000_000).nullable(),
    note: text(2000),
    photoTime: text(50),
    place: text(200),
    people: text(500),
    photographer: text(100),
    description: text(2000),
  })
  .partial()
  .strict();

export const minutesFormSchema = z
  .object({
    meetingName: text(200).min(1, '请填写会议名称'),
    time: text(50).min(1, '请填写会议时间'),
    place: text(200).default(''),
    host: text(100).default(''),
    attendees: text(2000).default(''),
    absentees: text(1000).default(''),
    recorder: text(100).default(''),
    topics: text(20_000).default(''),
    decisions: text(20_000).default(''),
  })
  .strict();

const searchFilters = z
  .object({
    kinds: kindList.optional(),
    indicatorId: id.optional(),
    responsibleUnit: text(200).optional(),
    dateFrom: eightDigitDate.optional(),
    dateTo: eightDigitDate.optional(),
    unlinked: z.boolean().optional(),
  })
  .strict();

export const materialApi = {
  /** Add and wait (CLI, demo, tests). The app uses `materials.import`, a job with progress. */
  'materials.add': returns<AddReport>()(
    z
      .object({
        dossierId: id,
        paths: z.array(absPath).min(1, '请至少选择一个文件').max(100_000),
        indicatorIds: z.array(id).max(1000).default([]),
      })
      .strict(),
  ),
  /** Start adding files as a job: poll `jobs.get`, stop with `jobs.cancel`. */
  'materials.import': returns<JobOf<'import'>>()(
    z
      .object({
        dossierId: id,
        paths: z.array(absPath).min(1, '请至少选择一个文件').max(100_000),
        indicatorIds: z.array(id).max(1000).default([]),
      })
      .strict(),
  ),
  'materials.list': returns<Material[]>()(z.object({ dossierId: id, indicatorId: id.optional() }).strict()),
  /** The list's order and kinds for a scope (all, one indicator, or a category and all below it). */
  'materials.index': returns<MaterialIndex>()(
    z
      .object({
        dossierId: id,
        indicatorId: id.optional(),
        /** With `indicatorId`: also what is filed anywhere below it. */
        includeBelow: z.boolean().default(false),
        kinds: kindList.default([]),
        sort: z.enum(['filing', 'title', 'date'], { error: '未知的排序方式' }).default(defaultMaterialSort.sort),
        descending: z.boolean().default(false),
      })
      .strict(),
  ),
  'materials.get': returns<Material>()(materialRef),
  /** The rows the list is showing, in the order asked; materials gone to the 回收站 are left out. */
  'materials.getMany': returns<Material[]>()(z.object({ materialIds: z.array(id).min(1).max(500) }).strict()),
  'materials.search': returns<SearchResult>()(
    z
      .object({
        dossierId: id,
        query: z.string().trim().max(200).default(''),
        filters: searchFilters.default({}),
        limit: z.number().int().min(1).max(SEARCH_LIMIT).default(SEARCH_PAGE),
      })
      .strict()
      .refine((a) => a.query.length > 0 || Object.values(a.filters).some((v) => v !== undefined && v !== ''), {
        message: '请输入搜索词或选择筛选条件',
      }),
  ),
  'materials.update': returns<Material>()(
    z.object({ materialId: id, fields: materialFieldsSchema }).strict(),
  ),
  /** 网上申报 category of some materials; null: the one their kind gives. */
  'materials.setOnlineCategory': returns<Material[]>()(
    z
      .object({
        materialIds,
        category: z.enum(ONLINE_CATEGORIES, { error: `网上申报类别只能是 ${ONLINE_CATEGORIES.join('、')}` }).nullable(),
      })
      .strict(),
  ),
  'materials.updateMany': returns<Material[]>()(
    z
      .object({ materialIds, fields: materialFieldsSchema.omit({ title: true, pages: true }) })
      .strict(),
  ),
  'materials.link': returns<Material>()(linkRef),
  'materials.unlink': returns<Material>()(linkRef),
  'materials.linkMany': returns<Material[]>()(manyLinkRef),
  'materials.unlinkMany': returns<Material[]>()(manyLinkRef),
  /** Move to 回收站 (restorable). */
  /**
   * 归档: give 件号 and 档号 by the dossier's rule to the materials named (in that order), or to
   * every material filed under an indicator that has none yet (in indicator order). The first
   * export does this too. Numbered materials keep theirs.
   */
  'materials.number': returns<Material[]>()(z.object({ dossierId: id, materialIds: z.array(id).max(100_000).optional() }).strict()),
  'materials.trash': returns<{ trashed: number }>()(manyRef),
  'materials.restore': returns<Material[]>()(manyRef),
  /** Remove for good: only materials already in the 回收站; a file goes when nothing else uses it. */
  'materials.purge': returns<{ purged: number; filesRemoved: number }>()(manyRef),
  'materials.listTrash': returns<Material[]>()(dossierRef),
  /** Undo the dossier's last bulk 归入指标 (linkMany), 移出指标 (unlinkMany) or 删除 (trash). */
  'materials.undoLast': returns<BulkUndoResult>()(dossierRef),
  'materials.history': returns<AuditEntry[]>()(materialRef),
  'materials.preview': returns<MaterialPreview>()(materialRef),
  /** Create (no materialId) or edit 会议纪要 filled in as a form. */
  'materials.saveMinutes': returns<Material>()(
    z
      .object({
        dossierId: id,
        materialId: id.optional(),
        form: minutesFormSchema,
        indicatorIds: z.array(id).max(1000).default([]),
      })
      .strict(),
  ),
  'materials.getMinutes': returns<MinutesForm>()(materialRef),
  /** File several photo materials as one 组照, in the given order. */
  'materials.groupPhotos': returns<Material>()(
    z
      .object({
        dossierId: id,
        materialIds: z.array(id).min(2, '组照至少需要两张照片').max(1000),
        title: text(500).optional(),
      })
      .strict(),
  ),
  /** Reorder a 组照 and set each photo's caption. */
  'materials.updateGroup': returns<Material>()(
    z
      .object({
        materialId: id,
        photos: z
          .array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '照片标识无效'), caption: text(500) }).strict())
          .min(1)
          .max(1000),
      })
      .strict(),
  ),
  /** Split a 组照 back into its single photo materials, in order (the group is removed; its history stays). */
  'materials.ungroupPhotos': returns<Material[]>()(materialRef),
} as const;
