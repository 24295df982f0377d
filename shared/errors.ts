// Errors cross every transport as `{ code, message }`; `message` is for the clerk, in Chinese.

export type ErrorCode =
  | 'invalid_args'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'bad_input'
  | 'forbidden'
  /** Word, tables, text or 会议纪要 need a browser to become PDF, and none can start here. */
  | 'renderer_unavailable'
  | 'internal';

/** A message for one field of a form: `path` as the method's arguments name it ("rule.pattern"). */
export interface FieldIssue {
  path: string;
  /** The field's Chinese name ('' when none), for a message shown away from the form. */
  label: string;
  message: string;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Invalid arguments: what to show at which field. */
  fields?: FieldIssue[];
  /** Technical text for support, shown only behind 详细信息. */
  detail?: string;
}

export class ApiError extends Error implements ApiErrorShape {
  public readonly fields?: FieldIssue[];
  public readonly detail?: string;

  constructor(
    public readonly code: ErrorCode,
    message: string,
    extra: { fields?: FieldIssue[]; detail?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    if (extra.fields) this.fields = extra.fields;
    if (extra.detail) this.detail = extra.detail;
  }

  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Any thrown value → the `{ code, message }` a transport sends back. */
export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  if (isApiErrorShape(err)) {
    return {
      code: err.code,
      message: err.message,
      ...(Array.isArray(err.fields) ? { fields: err.fields } : {}),
      ...(typeof err.detail === 'string' ? { detail: err.detail } : {}),
    };
  }
  // Another program (the desktop app, browser mode, a command) held the archive's database for
  // longer than a writer waits: nothing was changed, and trying again later works.
  const sqlite = (err as { code?: unknown } | null)?.code;
  if (sqlite === 'SQLITE_BUSY' || sqlite === 'SQLITE_LOCKED') {
    return { code: 'conflict', message: '档案库正忙（其他窗口或命令正在写入），这次操作没有保存，请稍后重试' };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: '程序内部出错，这次操作没有完成；请重试，仍不行请把“详细信息”交给技术支持', detail };
}
