// The one API contract. Every transport (Electron IPC, the loopback HTTP bridge, direct calls)
// is derived from `api` by looping over its keys, so a new method is written here once, then
// implemented once in electron/core/handlers.
import { z } from 'zod';
import { ApiError } from './errors';
import type {
  AddReport,
  AppInfo,
  CoverageRow,
  Dossier,
  Indicator,
  IndicatorSystem,
  Job,
  Material,
  TemplateInfo,
  VerifyReport,
} from './domain';

z.config(z.locales.zhCN());

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const noArgs = z.object({}).strict();
const absPath = z.string().min(1, '路径不能为空').max(4096);

export const schemas = {
  dossierCreate: z
    .object({
      name: text(200).min(1, '请填写档案名称'),
      unit: text(200).default(''),
      period: text(100).default(''),
      systemId: id.nullable().default(null),
    })
    .strict(),
  exportOptions: z
    .object({
      dossierId: id,
      outDir: absPath,
      pdf: z.boolean().default(true),
      xlsx: z.boolean().default(true),
      folder: z.boolean().default(true),
      title: text(200).optional(),
    })
    .strict(),
};

/** One entry per method: the argument schema, and the result type carried as a phantom. */
function returns<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output: O } => ({ input, output: undefined as O });
}

const dossierRef = z.object({ dossierId: id }).strict();
const jobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();
const linkRef = z.object({ materialId: id, indicatorId: id }).strict();

export const api = {
  'app.info': returns<AppInfo>()(noArgs),

  'dossiers.list': returns<Dossier[]>()(noArgs),
  'dossiers.create': returns<Dossier>()(schemas.dossierCreate),
  'dossiers.setSystem': returns<Dossier>()(z.object({ dossierId: id, systemId: id }).strict()),

  'systems.list': returns<IndicatorSystem[]>()(noArgs),
  'systems.templates': returns<TemplateInfo[]>()(noArgs),
  'systems.importTemplate': returns<IndicatorSystem>()(
    z.object({ templateId: z.string().min(1).max(100) }).strict(),
  ),
  'systems.importFile': returns<IndicatorSystem>()(
    z.object({ path: absPath, name: text(200).optional() }).strict(),
  ),
  'indicators.list': returns<Indicator[]>()(z.object({ systemId: id }).strict()),

  'materials.add': returns<AddReport>()(
    z
      .object({
        dossierId: id,
        paths: z.array(absPath).min(1, '请至少选择一个文件').max(100_000),
        indicatorIds: z.array(id).max(1000).default([]),
      })
      .strict(),
  ),
  'materials.list': returns<Material[]>()(z.object({ dossierId: id, indicatorId: id.optional() }).strict()),
  'materials.search': returns<Material[]>()(
    z.object({ dossierId: id, query: z.string().trim().min(1, '请输入搜索词').max(200) }).strict(),
  ),
  'materials.link': returns<Material>()(linkRef),
  'materials.unlink': returns<Material>()(linkRef),

  'coverage.get': returns<CoverageRow[]>()(dossierRef),

  'packets.export': returns<{ jobId: string }>()(schemas.exportOptions),
  'packets.defaultOutDir': returns<string>()(dossierRef),
  'jobs.get': returns<Job>()(jobRef),
  'jobs.cancel': returns<Job>()(jobRef),

  'integrity.verify': returns<VerifyReport>()(noArgs),
} as const;

export type ApiMethod = keyof typeof api;
/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof api)[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ApiArgs<M extends ApiMethod> = z.output<(typeof api)[M]['input']>;
export type ApiResult<M extends ApiMethod> = (typeof api)[M]['output'];

/** The handler map the core implements. */
export type Handlers = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };
/** The typed client every caller (renderer, CLI, tests) uses. */
export type ApiClient = { [M in ApiMethod]: (args: ApiInput<M>) => Promise<ApiResult<M>> };

export const apiMethods = Object.keys(api) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** Validate raw arguments from any transport; throws a Chinese `invalid_args` error. */
export function parseArgs<M extends ApiMethod>(methodName: M, raw: unknown): ApiArgs<M> {
  const result = api[methodName].input.safeParse(raw ?? {});
  if (result.success) return result.data as ApiArgs<M>;
  const detail = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');
  throw new ApiError('invalid_args', `参数无效（${methodName}）：${detail}`);
}

/** Build a typed client from one `call(method, args)` function: the loop every transport shares. */
export function createClient(call: (method: ApiMethod, args: unknown) => Promise<unknown>): ApiClient {
  const client = {} as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
  for (const name of apiMethods) client[name] = (args: unknown) => call(name, args);
  return client as unknown as ApiClient;
}
