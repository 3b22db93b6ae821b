import {
  VerificationCertificateRequestSchema,
  VerificationCertificateResponseSchema,
  VerifyCodeRequestSchema,
  VerifyCodeResponseSchema,
} from '@bluezone/api';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { callerOf } from '../http/api-key-auth.js';
import { ERROR_RESPONSES } from '../http/openapi.js';
import { responsePadding } from '../http/padding.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createCertificateService } from './certificate.service.js';
import { createVerifyService } from './verify.service.js';

const device = { tags: ['verification: app'], security: [{ deviceApiKey: [] }] };

/** Code guessing is limited per API key and client; the client address lives only in memory, hashed. */
export function limitGuessing(limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const { allowed, retryAfterSeconds } = limiter.take(`${callerOf(request).apiKeyId}|${request.ip}`);
    if (!allowed) {
      reply.header('retry-after', String(retryAfterSeconds));
      throw new AppError('rate_limited');
    }
  };
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
