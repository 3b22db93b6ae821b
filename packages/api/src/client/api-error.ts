import { type ErrorCode, errorMessage, isErrorCode } from '../error-codes.js';

/**
 * The server answered with an error: the HTTP status, the snake_case code it sent (`errorCode` on the
 * verification API, `code` on the key server) or, when it sent none, the code its status implies.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error answer, e.g. `lockedUntil` of `account_locked`, `errors` of `import_invalid`. */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  /** Whether the code is one of `ERROR_CODES` (an answer from a Bluezone server). */
  get known(): boolean {
    return isErrorCode(this.code);
  }
}

/** No answer arrived (no network, DNS, TLS, timeout): retrying later may work. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  /** The request ran out of time (its cause is an error named `TimeoutError`), rather than finding no network. */
  readonly timedOut: boolean;

  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    const cause = options?.cause;
    const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
    super(timedOut ? `no answer in time from ${url}` : `no answer from ${url}`, options);
    this.timedOut = timedOut;
  }
}

/** A transport stopped reading a response body at the request's `maxBodyBytes`. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';

  constructor(
    readonly status: number,
    readonly limit: number,
    /** The length the answer declared (`Content-Length`), when it was refused before reading. */
    readonly declaredBytes?: number | undefined,
  ) {
    super(`the answer is larger than the ${limit} bytes accepted; the download was stopped`);
  }
}

export function isApiError(error: unknown, code?: ErrorCode | string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}

/** The code a bare status stands for when the server sent none. */
function codeOfStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'body_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'not_ready';
  if (status >= 500) return 'internal';
  return 'invalid_request';
}

/** Builds the ApiError of a non-2xx answer from its JSON (if any). */
export function apiErrorOf(status: number, json: unknown): ApiError {
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const sent = [record.errorCode, record.code].find((c) => typeof c === 'string' && c !== '') as
    | string
    | undefined;
  const code = sent ?? codeOfStatus(status);
  const message = typeof record.error === 'string' && record.error !== '' ? record.error : errorMessage(code);
  return new ApiError(status, code, message, record);
}
