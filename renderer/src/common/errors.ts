import { isApiErrorShape } from '../../../shared/errors';

/** The Chinese sentence to show for any thrown value; never a stack trace. */
export function errorText(err: unknown): string {
  if (isApiErrorShape(err) && err.message) return err.message;
  if (err instanceof Error && err.message) return `发生意外错误：${err.message}`;
  return '发生意外错误，请重试';
}
