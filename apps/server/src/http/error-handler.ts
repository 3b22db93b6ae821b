import { type ErrorCode, errorMessage, errorStatus, isTextPattern } from '@bluezone/api';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../errors/app-error.js';
import type { BluezoneServer } from './server.types.js';

/** Fastify's own errors for bad input, as Bluezone error codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'unparsable_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'unparsable_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'invalid_request',
};

/** What a failed request answers: the code, a human line, and an AppError's extras. */
export interface ClassifiedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryAfterSeconds?: number | undefined;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** The message of a schema validation failure (`FST_ERR_VALIDATION`). */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = first?.instancePath ? ` at ${first.instancePath}` : '';
  const what =
    first?.keyword === 'pattern' && isTextPattern(first.params?.pattern)
      ? 'must not contain control characters or lone surrogates'
      : (first?.message ?? 'bad value');
  return `The request body is invalid${where}: ${what}.`;
}

/** The one classification of a failure as a Bluezone error code; every route's handler uses it. */
export function classifyError(error: FastifyError): ClassifiedError {
  if (isAppError(error))
    return {
      code: error.code,
      message: error.message,
      retryAfterSeconds: error.retryAfterSeconds,
      fields: error.fields,
    };
  if (error.validation) return { code: 'invalid_request', message: validationMessage(error) };
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return { code: known, message: errorMessage(known) };
  if (error instanceof SyntaxError)
    return { code: 'unparsable_request', message: errorMessage('unparsable_request') };
  const status = error.statusCode ?? 500;
  if (status === 413) return { code: 'body_too_large', message: errorMessage('body_too_large') };
  if (status === 415)
    return { code: 'unsupported_media_type', message: errorMessage('unsupported_media_type') };
  if (status >= 400 && status < 500)
    return { code: 'invalid_request', message: errorMessage('invalid_request') };
  return { code: 'internal', message: errorMessage('internal') };
}

/**
 * Logs a failure (unexpected 500s with the error; a 5xx the server answers on purpose — `not_ready`,
 * `app_config_unavailable`, said once at start — as a warning with its code; refusals with their code
 * only) and returns its status.
 */
export function logError(error: FastifyError, code: ErrorCode, request: FastifyRequest): number {
  const status = errorStatus(code);
  const route = request.routeOptions.url;
  if (status >= 500 && code !== 'internal' && isAppError(error))
    request.log.warn({ errorCode: code, route }, 'request not served');
  else if (status >= 500) request.log.error({ err: error, route }, 'request failed');
  else request.log.info({ errorCode: code, route }, 'request refused');
  return status;
}

/**
 * Errors Fastify's router raises before any route runs (a malformed URL, a path segment longer than
 * the router allows): answered like every other error instead of with Fastify's own body.
 */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'not_found' : 'invalid_request';
  void reply.status(errorStatus(code)).send({ error: errorMessage(code), errorCode: code });
}

/**
 * The one error handler: every failure answers `{error, errorCode}` with the status @bluezone/api
 * lists for the code. Untrusted input never causes a 500 or shows a stack trace; real 500s are logged
 * with the error but without the request's body or headers.
 */
export function installErrorHandler(app: BluezoneServer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, message, retryAfterSeconds, fields } = classifyError(error);
    const status = logError(error, code, request);
    if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
    return reply.status(status).send({ error: message, errorCode: code, ...fields });
  });
  app.setNotFoundHandler((request, reply) => {
    const allowed = allowedMethods(app, request.url);
    const code: ErrorCode = allowed.length > 0 ? 'method_not_allowed' : 'not_found';
    if (allowed.length > 0) void reply.header('allow', allowed.join(', '));
    return reply.status(errorStatus(code)).send({ error: errorMessage(code), errorCode: code });
  });
}

/** The methods routes are registered with here (HEAD: fastify adds one for every GET route). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The methods the routes matching a request's path accept, for a `405` with `Allow`. A catch-all
 * route (`/console/*`, `/app/*`: the web apps' index.html fallback) does not make a path exist.
 */
function allowedMethods(app: BluezoneServer, url: string): string[] {
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url });
    return route !== null && !(route.params && '*' in route.params);
  });
}
