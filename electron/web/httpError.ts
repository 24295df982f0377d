import { ApiError, type ErrorCode } from '../../shared/errors';

/** An ApiError that needs its own HTTP status (405, 408 …) and, maybe, headers (Allow). */
export class HttpError extends ApiError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The request body was not read to its end: the connection cannot be reused. */
    readonly closeConnection = false,
  ) {
    super(code, message);
  }
}
