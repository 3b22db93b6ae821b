import { type ErrorCode, errorMessage, errorStatus } from '@bluezone/api';

/** What an error answer carries beyond `{error, errorCode}`. */
export interface AppErrorOptions {
  readonly cause?: unknown;
  /** Sent as `Retry-After` (seconds). */
  readonly retryAfterSeconds?: number;
  /** More fields of the answer's body, e.g. `lockedUntil` of `account_locked`. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/**
 * The server's one error type. `code` is listed in @bluezone/api with its HTTP status; `message` is a
 * human line safe to send to the client (it never contains codes, tokens or key material).
 */
export class AppError extends Error {
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: ErrorCode,
    message: string = errorMessage(code),
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = errorStatus(code);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fields = options.fields ?? {};
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
