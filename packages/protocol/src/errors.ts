/**
 * The one error type of @bluezone/protocol. `code` is a stable snake_case identifier
 * (listed in docs/glossary.md and mapped to HTTP statuses by @bluezone/api); `message`
 * is one human sentence saying what was wrong and where.
 */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProtocolError';
  }
}

export function isProtocolError(error: unknown, code?: string): error is ProtocolError {
  return error instanceof ProtocolError && (code === undefined || error.code === code);
}
