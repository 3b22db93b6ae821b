import {
  VerificationCertificateRequestSchema,
  VerificationCertificateResponseSchema,
  VerifyCodeRequestSchema,
  VerifyCodeResponseSchema,
} from '@bluezone/api';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { callerOf } from '../http/api-key-auth.js';
import { clientGroup } from '../http/client-group.js';
import { ERROR_RESPONSES } from '../http/openapi.js';
import { responsePadding } from '../http/padding.js';
import { type RateLimiter, takeOrRefuse } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createCertificateService } from './certificate.service.js';
import { createVerifyService } from './verify.service.js';

const device = { tags: ['verification: app'], security: [{ deviceApiKey: [] }] };

/**
 * Code guessing is limited per API key and client address group (IPv6 by /64), in a sliding window
 * shared by every server process; the address is stored only as an HMAC that changes each window.
 */
export function limitGuessing(limiter: RateLimiter) {
  return (request: FastifyRequest): Promise<void> =>
    takeOrRefuse(limiter, `${callerOf(request).apiKeyId}|${clientGroup(request.ip)}`);
}

/** The app's routes (device API key): a code becomes a token, a token becomes a certificate. */
export function registerCodeRedeemRoutes(
  app: BluezoneServer,
  deps: ServerDeps,
  requireDevice: preHandlerAsyncHookHandler,
  limiter: RateLimiter,
): void {
  const verify = createVerifyService(deps);
  const certificate = createCertificateService(deps);
  const preHandler = [requireDevice, limitGuessing(limiter)];

  app.post(
    '/api/verify',
    {
      preHandler,
      schema: {
        ...device,
        summary: 'Exchange a code for a single-use token (ES256 JWT, 24 h)',
        body: VerifyCodeRequestSchema,
        response: { 200: VerifyCodeResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ ...(await verify(callerOf(request), request.body)), padding: responsePadding() }),
  );

  app.post(
    '/api/certificate',
    {
      preHandler,
      schema: {
        ...device,
        summary: 'Exchange a token and the HMAC of the keys for a certificate (ES256 JWT, 15 min)',
        body: VerificationCertificateRequestSchema,
        response: { 200: VerificationCertificateResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      ...(await certificate(callerOf(request), request.body)),
      padding: responsePadding(),
    }),
  );
}
