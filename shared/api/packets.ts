import type { ExportPreflight, Job, Packet } from '../domain';
import { absPath, dossierRef, id, returns, text, z } from './define';

const ids = z.array(id).max(100_000);

export const packetDefinitionSchema = z
  .object({
    indicatorIds: ids.min(1, '请至少选择一个指标').nullable().default(null),
    materialIds: ids.nullable().default(null),
    materialOrder: ids.default([]),
    cover: z
      .object({ title: text(200).default(''), unit: text(200).default(''), date: text(50).default('') })
      .strict()
      .default({ title: '', unit: '', date: '' }),
    layout: z
      .object({
        catalogue: z.boolean().default(true),
        photosPerPage: z
          .union([z.literal(1), z.literal(2), z.literal(4)], { error: '每页照片数只能是 1、2 或 4' })
          .default(1),
        watermark: text(40).default(''),
        pageNumbers: z.boolean().default(true),
        imageQuality: z.enum(['high', 'standard', 'compact'], { error: '图片质量只能是 高、标准 或 精简' }).default('standard'),
      })
      .strict()
      .default({ catalogue: true, photosPerPage: 1, watermark: '', pageNumbers: true, imageQuality: 'standard' }),
    emptyIndicators: z.enum(['omit', 'show'], { error: '无材料的指标只能选择“不编入”或“编入”' }).default('omit'),
    // Only the stamp: the 档号 rule is the dossier's (dossiers.setArchivalRule). Definitions saved
    // before that carried the rule here; its fields are dropped when read.
    archivalCode: z.object({ stamp: z.boolean().default(false) }).default({ stamp: false }),
  })
  .strict();

const packetName = text(100).min(1, '请填写迎检资料名称');

export const exportOptionsSchema = z
  .object({
    /** A saved definition; without it, a dossier's whole packet with default settings. */
    packetId: id.optional(),
    dossierId: id.optional(),
    outDir: absPath,
    pdf: z.boolean().default(true),
    xlsx: z.boolean().default(true),
    folder: z.boolean().default(true),
    /** The folder export as one zip instead of a folder. */
    zip: z.boolean().default(false),
    /** 网上申报: one PDF per indicator under `capMb`. */
    online: z.boolean().default(false),
    /** The internal 缺项 report (a workbook apart from the inspectors' outputs). */
    gaps: z.boolean().default(false),
    onlineBy: z.enum(['indicator', 'category']).default('indicator'),
    capMb: z.number().positive('大小上限必须大于 0').max(2000).default(10),
    /**
     * Volumes are cut where the estimated PDF would pass this size. pdf-lib holds a volume in
     * memory (about 3× its size while saving), so 150 MB keeps an export under 1 GB.
     */
    volumeMb: z.number().positive().max(4000).default(150),
    title: text(200).optional(),
    /**
     * Where no browser can convert Word, tables, text and 会议纪要, export anyway with a page
     * saying so in their place. Without it, such an export is refused before it starts.
     */
    allowPlaceholders: z.boolean().default(false),
  })
  .strict()
  .refine((o) => (o.packetId === undefined) !== (o.dossierId === undefined), '请指定迎检资料（packetId）或档案（dossierId）之一');

const jobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();
const packetRef = z.object({ packetId: id }).strict();

export const packetApi = {
  'packets.list': returns<Packet[]>()(dossierRef),
  'packets.create': returns<Packet>()(
    z.object({ dossierId: id, name: packetName, definition: packetDefinitionSchema.default(packetDefinitionSchema.parse({})) }).strict(),
  ),
  'packets.update': returns<Packet>()(
    z.object({ packetId: id, name: packetName.optional(), definition: packetDefinitionSchema.optional() }).strict(),
  ),
  'packets.delete': returns<{ deleted: true }>()(packetRef),
  'packets.export': returns<{ jobId: string }>()(exportOptionsSchema),
  /** Before an export: how many materials need a PDF converter, and why none can start (if so). */
  'packets.preflight': returns<ExportPreflight>()(exportOptionsSchema),
  'packets.defaultOutDir': returns<string>()(dossierRef),
  'jobs.get': returns<Job>()(jobRef),
  'jobs.cancel': returns<Job>()(jobRef),
} as const;
