import { STATEMENT_MAX_CHARS, statementLength, type Dossier, type NewCycleReport, type SelfEvaluation } from '../domain';
import { DEFAULT_ARCHIVAL_PATTERN } from '../domain/packets';
import { dossierRef, id, noArgs, returns, text, z } from './define';

export const dossierCreateSchema = z
  .object({
    name: text(200).min(1, '请填写档案名称'),
    unit: text(200).default(''),
    period: text(100).default(''),
    systemId: id.nullable().default(null),
  })
  .strict();

/** A dossier's 档号 rule; every field has its default, so '' or {} reads as the default rule. */
export const archivalRuleSchema = z.object({
  pattern: text(100)
    .refine((p) => p.includes('{件号}'), '档号规则必须包含 {件号}')
    .default(DEFAULT_ARCHIVAL_PATTERN),
  fondsNumber: text(30).default(''),
  itemDigits: z.number().int().min(1, '件号位数至少为 1').max(8, '件号位数最多为 8').default(4),
  defaultRetention: z.enum(['Y', 'D30', 'D10'], { error: '保管期限只能是 Y、D30 或 D10' }).default('D10'),
});

/** 结论性说明: ≤ 500 characters, counted as a clerk counts them; the message says how many there are. */
export const statementSchema = z.string({ error: '结论性说明应为文字' }).superRefine((value, ctx) => {
  const length = statementLength(value.trim());
  if (length > STATEMENT_MAX_CHARS) {
    ctx.addIssue({ code: 'custom', message: `结论性说明最多 ${STATEMENT_MAX_CHARS} 字，现有 ${length} 字，请精简后再保存` });
  }
});

const points = z.number({ error: '应为数字' }).min(0, '不能为负数').max(100_000, '数值过大');

export const dossierApi = {
  'dossiers.list': returns<Dossier[]>()(noArgs),
  'dossiers.create': returns<Dossier>()(dossierCreateSchema),
  'dossiers.setSystem': returns<Dossier>()(z.object({ dossierId: id, systemId: id }).strict()),
  /** The 档号 rule for materials numbered from now on; numbered ones keep their 档号. */
  'dossiers.setArchivalRule': returns<Dossier>()(z.object({ dossierId: id, rule: archivalRuleSchema.strict() }).strict()),
  /** 复核: copy the dossier onto another 测评体系; links follow matching indicators; a report of the rest. */
  'dossiers.newCycle': returns<NewCycleReport>()(
    z.object({ dossierId: id, systemId: id, name: text(200).optional(), period: text(100).optional() }).strict(),
  ),
  /** 自评 of a dossier: per indicator, totals, pass line and result. */
  'selfEval.get': returns<SelfEvaluation>()(dossierRef),
  /** One leaf: score (0 to its score), or for a veto item 已排除/存在; and a note. Left-out fields keep their value. */
  'selfEval.set': returns<SelfEvaluation>()(
    z
      .object({
        dossierId: id,
        indicatorId: id,
        score: points.nullable().optional(),
        vetoStatus: z.enum(['excluded', 'present'], { error: '否决项应勾选“已排除”或“存在”' }).nullable().optional(),
        /** An item without points: 达标 or 未达标. */
        met: z.boolean({ error: '达标情况应为“达标”或“未达标”' }).nullable().optional(),
        note: text(2000).optional(),
      })
      .strict(),
  ),
  /** 结论性说明 of one indicator (leaf or category), as printed on its 测评材料提交表; '' removes it. */
  'selfEval.setStatement': returns<SelfEvaluation>()(
    z.object({ dossierId: id, indicatorId: id, statement: statementSchema }).strict(),
  ),
  'selfEval.setPassLine': returns<SelfEvaluation>()(z.object({ dossierId: id, passLine: points.nullable() }).strict()),
} as const;
