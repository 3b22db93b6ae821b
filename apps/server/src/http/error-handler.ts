import { type ErrorCode, errorMessage, errorStatus } from '@bluezone/api';
import type { FastifyError, FastifyReply } from 'fastify';
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

function classify(error: FastifyError): { code: ErrorCode; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  if (error.validation) {
    const first = error.validation[0];
    const where = first?.instancePath ? ` at ${first.instancePath}` : '';
    return {
      code: 'invalid_request',
      message: `The request body is invalid${where}: ${first?.message ?? 'bad value'}.`,
    };
  }
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
    const { code, message } = classify(error);
    const status = errorStatus(code);
    if (status >= 500) request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    else request.log.info({ errorCode: code, route: request.routeOptions.url }, 'request refused');
    return reply.status(status).send({ error: message, errorCode: code });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: errorMessage('not_found'), errorCode: 'not_found' }),
  );
}
