import { describeErrors, type ErrorCode, isErrorCode } from '@bluezone/api';
import { AppError } from '../errors/app-error.js';

// The console's refusals are AppErrors with codes of @bluezone/api's ERROR_CODES, answered by the
// server's one error handler (http/error-handler.ts) as `{error, errorCode}`.

export { CONSOLE_ERROR_RESPONSES, ConsoleErrorSchema } from '@bluezone/api';

/** A code the console answers (any of ERROR_CODES). */
export type ConsoleErrorCode = ErrorCode;

/** How long an account stays locked: answered as `lockedUntil` and `Retry-After`. */
export interface Lock {
  readonly until: Date;
  readonly retryAfterSeconds: number;
}

/** A console refusal; `lock` is answered with `account_locked` as `lockedUntil` and `Retry-After`. */
export class ConsoleError extends AppError {
  constructor(
    code: ErrorCode,
    message?: string,
    readonly lock?: Lock,
  ) {
    super(
      code,
      message,
      lock && {
        retryAfterSeconds: lock.retryAfterSeconds,
        fields: { lockedUntil: lock.until.toISOString() },
      },
    );
    this.name = 'ConsoleError';
  }
}

/** "Errors: `code` (status), …" for a console route's OpenAPI description. */
export function consoleErrorList(codes: readonly string[]): string {
  const unknown = codes.filter((c) => !isErrorCode(c));
  if (unknown.length > 0) throw new Error(`not in ERROR_CODES: ${unknown.join(', ')}`);
  return describeErrors(codes as readonly ErrorCode[]);
}
