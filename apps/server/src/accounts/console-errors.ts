import { errorMessage, errorStatus, isErrorCode } from '@bluezone/api';
import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/**
 * The console's own error codes (HTTP status, one English line). They are not in @bluezone/api's
 * table, so console routes answer them through the error handler below; every other error goes on
 * to the server's handler and keeps its code.
 */
export const CONSOLE_ERROR_CODES = {
  not_signed_in: { status: 401, message: 'Sign in first: the session is missing, expired or ended.' },
  login_failed: { status: 401, message: 'The username or password is wrong.' },
  account_locked: {
    status: 423,
    message: 'Too many failed sign-ins: this account is locked for a while.',
  },
  totp_required: { status: 401, message: 'This account needs a code from its authenticator app (totp).' },
  totp_invalid: { status: 401, message: 'The authenticator code is wrong or was already used.' },
  totp_already_enabled: {
    status: 409,
    message: 'TOTP is already on for this account; an administrator can reset it with the password.',
  },
  totp_not_enrolled: { status: 409, message: 'Start TOTP enrolment before confirming it.' },
  csrf_token_invalid: {
    status: 403,
    message: 'The X-CSRF-Token header is missing or does not match the session.',
  },
  forbidden_role: { status: 403, message: 'Your role does not allow this action.' },
  forbidden_area: { status: 403, message: 'Your account does not cover this province.' },
  password_too_short: { status: 400, message: 'A password needs at least 10 characters.' },
  invalid_username: {
    status: 400,
    message: 'A username has 3-64 characters: lowercase letters, digits, dot, dash or underscore.',
  },
  invalid_role: { status: 400, message: 'The role must be one of national, province, caseworker, analyst.' },
  invalid_province: {
    status: 400,
    message: 'The province is not an ISO 3166-2 code such as VN-20, or the role does not take one.',
  },
  username_taken: { status: 409, message: 'A user with this username already exists.' },
  user_not_found: { status: 404, message: 'There is no such user.' },
  no_health_authority: {
    status: 409,
    message: "The region's health authority is not provisioned yet: run `bluezone admin init`.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ConsoleErrorCode = keyof typeof CONSOLE_ERROR_CODES;

/** How long an account stays locked: answered as `lockedUntil` and `Retry-After`. */
export interface Lock {
  readonly until: Date;
  readonly retryAfterSeconds: number;
}

/** A console refusal; `lock` is answered with `account_locked`. */
export class ConsoleError extends Error {
  readonly status: number;

  constructor(
    readonly code: ConsoleErrorCode,
    message: string = CONSOLE_ERROR_CODES[code].message,
    readonly lock?: Lock,
  ) {
    super(message);
    this.name = 'ConsoleError';
    this.status = CONSOLE_ERROR_CODES[code].status;
  }
}

/** The console's error answer: `{error, errorCode}`, plus `lockedUntil` (ISO time) when locked. */
export const ConsoleErrorSchema = Type.Object({
  error: Type.String(),
  errorCode: Type.String(),
  lockedUntil: Type.Optional(Type.String()),
});

export const CONSOLE_ERROR_RESPONSES = { '4xx': ConsoleErrorSchema, '5xx': ConsoleErrorSchema };

/** "Errors: `code` (status), …" for a route's OpenAPI description. */
export function consoleErrorList(codes: readonly string[]): string {
  const status = (c: string) =>
    c in CONSOLE_ERROR_CODES ? CONSOLE_ERROR_CODES[c as ConsoleErrorCode].status : errorStatus(c);
  return `Errors: ${[...codes, 'internal'].map((c) => `\`${c}\` (${status(c)})`).join(', ')}.`;
}

/** A code of either table, for tests and documentation. */
export function isKnownErrorCode(code: string): boolean {
  return code in CONSOLE_ERROR_CODES || isErrorCode(code);
}

export const consoleErrorMessage = (code: string) =>
  code in CONSOLE_ERROR_CODES ? CONSOLE_ERROR_CODES[code as ConsoleErrorCode].message : errorMessage(code);

/**
 * Installs the console error handler on a plugin scope: `ConsoleError`s answer their code and status;
 * anything else is rethrown to the server's error handler. Other console route modules call this on
 * their own scope (or register inside `registerConsoleRoutes`' scope).
 */
export function installConsoleErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError | ConsoleError, request, reply) => {
    if (!(error instanceof ConsoleError)) throw error;
    request.log.info({ errorCode: error.code, route: request.routeOptions.url }, 'request refused');
    if (error.lock) void reply.header('retry-after', String(error.lock.retryAfterSeconds));
    return reply.status(error.status).send({
      error: error.message,
      errorCode: error.code,
      ...(error.lock ? { lockedUntil: error.lock.until.toISOString() } : {}),
    });
  });
}
