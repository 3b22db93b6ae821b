import { type ErrorCode, errorMessage, errorStatus } from '@bluezone/api';

/**
 * The server's one error type. `code` is listed in @bluezone/api with its HTTP status; `message` is a
 * human line safe to send to the client (it never contains codes, tokens or key material).
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = errorMessage(code),
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = errorStatus(code);
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
