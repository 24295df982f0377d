import type {
  CoverageRow,
  DeleteIndicatorResult,
  ImportPreview,
  Indicator,
  IndicatorSystem,
  ResponsibleUnit,
  TemplateInfo,
} from '../domain';
import { absPath, dossierRef, id, noArgs, returns, text, z } from './define';

const columnRole = z.enum(
  ['numbering', 'code', 'parentCode', 'level', 'title', 'content', 'standard', 'methods', 'score', 'materials', 'unit', 'person', 'deadline', 'ignored'],
  { error: '未知的列用途' },
);

export const importMappingSchema = z
  .object({
    table: z.number().int().min(0).max(1000),
    headerRow: z.number().int().min(0, '表头行号无效').max(100_000),
    headerRows: z.number().int().min(1).max(3).default(1),
    columns: z
      .array(z
          .object({
            col: z.number().int().min(0).max(1000),
            role: columnRole,
            level: z.number().int().min(1).max(9).optional(),
            codeFor: z.number().int().min(0).max(1000).optional(),
          })
          .strict())
      .max(200),
  })
  .strict();

const score = z.number({ error: '分值应为数字' }).min(0, '分值不能为负数').max(100_000, '分值过大').nullable();

/** The fields a clerk edits on an indicator; every one optional in an update. */
export const indicatorFieldsSchema = z
  .object({
    title: text(500).min(1, '指标名称不能为空'),
    numbering: text(50),
    content: text(20_000),
    standard: text(20_000),
    methods: z.array(text(50).min(1)).max(20),
    score,
    kind: z.enum(['scored', 'veto', 'bonus'], { error: '指标类型应为计分项、否决项或加分项' }),
    requiredMaterials: text(20_000),
    responsibleUnit: text(500),
    responsiblePerson: text(200),
    deadline: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '完成时限应为“年-月-日”，如 2025-06-30')]),
  })
  .strict();

export const unitFields = z
  .object({
    name: text(200).min(1, '请填写单位名称').refine((s) => !/[、，,;；/／\s]/.test(s), '单位名称中不能有空格、顿号、逗号、分号或斜杠'),
    kind: z.enum(['group', 'lead', 'member', 'department'], { error: '单位类型应为职能组、组长单位、成员单位或部门' }),
    persons: z.array(text(100).min(1, '人员姓名不能为空')).max(200),
  })
  .strict();

const unitRename = z.object({ from: text(200).min(1), to: unitFields.shape.name }).strict();

/** The preview's choices besides the columns: 简体, units renamed or merged. */
const importChoices = {
  mapping: importMappingSchema.optional(),
  simplify: z.boolean().optional(),
  unitNames: z.array(unitRename).max(500).optional(),
  /** Tables or lists read as 否决项/加分项 that the clerk leaves out (their numbers among the file's tables). */
  skipSections: z.array(z.number().int().min(0).max(1000)).max(1000).optional(),
  /** Rows shown as skipped (注, 合计 …) that the clerk imports as indicators all the same (1-based). */
  keepRows: z.array(z.number().int().min(1).max(100_000)).max(1000).optional(),
};

export const indicatorApi = {
  'systems.list': returns<IndicatorSystem[]>()(noArgs),
  'systems.templates': returns<TemplateInfo[]>()(noArgs),
  'systems.importTemplate': returns<IndicatorSystem>()(z.object({ templateId: z.string().min(1).max(100) }).strict()),
  /** What importing the file would give; nothing is saved. With `mapping`, the clerk's columns. */
  'systems.preview': returns<ImportPreview>()(z.object({ path: absPath, ...importChoices }).strict()),
  /** Save the file's tree, read with the mapping the clerk confirmed in the preview (if any). */
  'systems.importFile': returns<IndicatorSystem>()(
    z.object({ path: absPath, name: text(200).optional(), ...importChoices }).strict(),
  ),
  'indicators.list': returns<Indicator[]>()(z.object({ systemId: id }).strict()),
  'indicators.create': returns<Indicator>()(
    z
      .object({
        systemId: id,
        parentId: id.nullable(),
        /** Place among the parent's children (0 = first); at the end when left out. */
        index: z.number().int().min(0).optional(),
        fields: indicatorFieldsSchema.partial().extend({ title: indicatorFieldsSchema.shape.title }),
      })
      .strict(),
  ),
  'indicators.update': returns<Indicator>()(z.object({ indicatorId: id, fields: indicatorFieldsSchema.partial() }).strict()),
  /** Move under `parentId` (null: top level) at `index`; the same call reorders siblings. */
  'indicators.move': returns<Indicator>()(
    z.object({ indicatorId: id, parentId: id.nullable(), index: z.number().int().min(0) }).strict(),
  ),
  /** Refused while materials are linked below, unless they move to `moveMaterialsTo` first. */
  'indicators.delete': returns<DeleteIndicatorResult>()(z.object({ indicatorId: id, moveMaterialsTo: id.optional() }).strict()),
  'units.list': returns<ResponsibleUnit[]>()(noArgs),
  'units.create': returns<ResponsibleUnit>()(
    unitFields.extend({ kind: unitFields.shape.kind.default('department'), persons: unitFields.shape.persons.default([]) }),
  ),
  /** Renaming a unit renames it on every indicator it is assigned to. */
  'units.update': returns<ResponsibleUnit>()(z.object({ unitId: id, fields: unitFields.partial() }).strict()),
  'units.delete': returns<{ deleted: true }>()(z.object({ unitId: id }).strict()),
  'coverage.get': returns<CoverageRow[]>()(dossierRef),
} as const;
