import { isApiErrorShape, type FieldIssue } from '../../../shared/errors';

/** The Chinese sentence to show for any thrown value; never a stack trace. */
export function errorText(err: unknown): string {
  if (isApiErrorShape(err) && err.message) return err.message;
  return '发生意外错误，这次操作没有完成；请重试，仍不行请把“详细信息”交给技术支持';
}

/** What support needs and a clerk need not read: the code and the technical text. */
export function errorDetail(err: unknown): string {
  if (isApiErrorShape(err)) return [`错误代码：${err.code}`, err.detail].filter(Boolean).join('\n');
  if (err instanceof Error) return [err.name, err.message].filter(Boolean).join('：');
  return String(err);
}

/** The field messages an invalid call came back with (empty for any other error). */
export function errorFields(err: unknown): FieldIssue[] {
  return isApiErrorShape(err) && Array.isArray(err.fields) ? err.fields : [];
}
