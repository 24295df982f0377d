// The bundle.json of a 任务包 and a 报送包 (electron/core/bundles/FORMAT.md). A bundle comes from
// another PC: every field is checked with these schemas before anything in it is used, with the
// same field rules as the clerk's own edits.
import { indicatorFieldsSchema, unitFields } from './indicators';
import { materialFieldsSchema } from './materials';
import { z } from './define';

export const TASK_FORMAT = 'dossier-task';
export const SUBMISSION_FORMAT = 'dossier-submission';
export const BUNDLE_VERSION = 1;

const uuid = z.string().regex(/^[0-9a-f]{32}$/, '标识应为 32 位十六进制');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 应为 64 位十六进制');
const when = z.string().datetime({ offset: true });
const key = z.string().min(40).max(200);
const code = z.string().min(1).max(50);
const round = z.number().int().positive().max(1_000_000);

const dossierIdentity = z.object({ uuid, name: z.string().max(500), unit: z.string().max(200), period: z.string().max(100) }).strict();

export const taskIndicatorSchema = indicatorFieldsSchema
  .omit({ responsibleUnit: true })
  .extend({ code, parentCode: code.nullable(), assigned: z.boolean() })
  .strict();

export const reviewSchema = z
  .object({ uuid, state: z.enum(['pending', 'passed', 'returned']), comment: z.string().max(2000), at: when, title: z.string().max(500) })
  .strict();

export const taskBundleSchema = z
  .object({
    format: z.literal(TASK_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    bundleId: uuid,
    createdAt: when,
    round,
    signer: z.object({ publicKey: key }).strict(),
    dossier: dossierIdentity,
    unit: z.object({ name: unitFields.shape.name, person: z.string().max(200) }).strict(),
    indicators: z.array(taskIndicatorSchema).max(20_000),
    reviews: z.array(reviewSchema).max(200_000),
  })
  .strict();

const bundleKinds = ['document', 'photo', 'photo_group', 'minutes', 'video', 'spreadsheet', 'other'] as const;

const originalName = z.string().min(1).max(255).refine((s) => !/[\\/\u0000-\u001f]/.test(s), '文件名中不能有斜杠或控制字符');

/** One photo of a 组照, in order; its file is `files/<sha256>` like any original. */
export const submittedPhotoSchema = z.object({ sha256, originalName, caption: z.string().max(500) }).strict();

export const submittedMaterialSchema = z
  .object({
    uuid,
    kind: z.enum(bundleKinds),
    sha256,
    size: z.number().int().positive(),
    originalName,
    fields: materialFieldsSchema.required(),
    indicators: z.array(code).max(1000),
    /** 组照 only: its photos in order, the first being `sha256`. */
    photos: z.array(submittedPhotoSchema).min(2).max(1000).optional(),
    version: sha256,
  })
  .strict()
  .refine((m) => (m.kind === 'photo_group') === (m.photos !== undefined), '只有组照列出其中的照片（photos），组照必须列出')
  .refine((m) => !m.photos || (m.photos[0].sha256 === m.sha256 && new Set(m.photos.map((p) => p.sha256)).size === m.photos.length), '组照的第一张照片应为其 sha256，且照片不能重复');

export const submissionBundleSchema = z
  .object({
    format: z.literal(SUBMISSION_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    bundleId: uuid,
    createdAt: when,
    round,
    changedOnly: z.boolean(),
    signer: z.object({ publicKey: key }).strict(),
    dossier: z.object({ uuid }).strict(),
    unit: z.object({ name: unitFields.shape.name }).strict(),
    taskRound: round,
    materials: z.array(submittedMaterialSchema).max(200_000),
    withdrawn: z.array(uuid).max(200_000),
  })
  .strict();

export type TaskBundle = z.infer<typeof taskBundleSchema>;
export type TaskIndicator = z.infer<typeof taskIndicatorSchema>;
export type SubmissionBundle = z.infer<typeof submissionBundleSchema>;
export type SubmittedMaterial = z.infer<typeof submittedMaterialSchema>;
export type SubmittedPhoto = z.infer<typeof submittedPhotoSchema>;
export type BundleReview = z.infer<typeof reviewSchema>;
