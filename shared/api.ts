// The one API contract. Every transport (Electron IPC, the loopback HTTP bridge, direct calls)
// is derived from `api` by looping over its keys, so a new method is written once, in the
// capability's table under shared/api/, and implemented once in that capability's handlers
// under electron/core/.
import { ApiError } from './errors';
import { fieldIssues, issuesSummary } from './fieldIssues';
import { appApi } from './api/app';
import { bundleApi } from './api/bundles';
import { dossierApi } from './api/dossiers';
import { indicatorApi } from './api/indicators';
import { integrityApi } from './api/integrity';
import { materialApi } from './api/materials';
import { ocrApi } from './api/ocr';
import { packetApi } from './api/packets';
import type { z } from './api/define';

export const api = {
  ...appApi,
  ...dossierApi,
  ...indicatorApi,
  ...materialApi,
  ...ocrApi,
  ...packetApi,
  ...integrityApi,
  ...bundleApi,
} as const;

type ApiTable = typeof api;
export type ApiMethod = keyof ApiTable;
/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<ApiTable[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ApiArgs<M extends ApiMethod> = z.output<ApiTable[M]['input']>;
export type ApiResult<M extends ApiMethod> = ApiTable[M]['output'];

/** The handler map the core implements. */
export type Handlers = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };
/** The handlers of one capability's table, e.g. `HandlersOf<typeof materialApi>`. */
export type HandlersOf<T> = Pick<Handlers, Extract<keyof T, ApiMethod>>;
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
  // The clerk reads the fields' messages; the raw issues are for support only.
  const fields = fieldIssues(result.error.issues);
  throw new ApiError('invalid_args', issuesSummary(fields), {
    fields,
    detail: `参数无效（${methodName}）：${describeIssues(result.error.issues)}`,
  });
}

const MAX_ISSUES = 5;
const MAX_DETAIL = 800;

/** A few issues, a few unknown keys each, cut to a bounded length: a hostile call gets a short answer. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
  const parts = issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length ? `${clip(issue.path.join('.'), 60)}：` : '';
    if (issue.code !== 'unrecognized_keys') return where + clip(issue.message, 200);
    const named = issue.keys.slice(0, 3).map((key) => `"${clip(key, 40)}"`).join('、');
    return `${where}出现未知的字段：${named}${issue.keys.length > 3 ? ` 等 ${issue.keys.length} 个` : ''}`;
  });
  if (issues.length > MAX_ISSUES) parts.push(`另有 ${issues.length - MAX_ISSUES} 处问题`);
  return clip(parts.join('；'), MAX_DETAIL);
}
