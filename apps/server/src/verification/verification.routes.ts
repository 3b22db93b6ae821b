import {
  BatchIssueCodeRequestSchema,
  BatchIssueCodeResponseSchema,
  CheckCodeStatusRequestSchema,
  CheckCodeStatusResponseSchema,
  ErrorResponseSchema,
  ExpireCodeRequestSchema,
  ExpireCodeResponseSchema,
  IssueCodeRequestSchema,
  IssueCodeResponseSchema,
  isErrorCode,
  VerificationCertificateRequestSchema,
  VerificationCertificateResponseSchema,
  VerifyCodeRequestSchema,
  VerifyCodeResponseSchema,
} from '@bluezone/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { callerOf, requireApiKey } from '../http/api-key-auth.js';
import { responsePadding } from '../http/padding.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import { type ApiKeyRepository, createApiKeyRepository } from '../repositories/api-key.repository.js';
import { createCertificateService } from './certificate.service.js';
import { createCodeStatusService } from './code-status.service.js';
import { createIssueService } from './issue.service.js';
import type { VerificationDeps } from './verification.types.js';
import { createVerifyService } from './verify.service.js';

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };

/** Code guessing is limited per API key and client; the client address lives only in memory, hashed. */
function limitGuessing(limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const { allowed, retryAfterSeconds } = limiter.take(`${callerOf(request).apiKeyId}|${request.ip}`);
    if (!allowed) {
      reply.header('retry-after', String(retryAfterSeconds));
      throw new AppError('rate_limited');
    }
  };
}

/** The verification API (PROTOCOL.md §5), with Google's verification server's routes and fields. */
export function registerVerificationRoutes(
  app: BluezoneServer,
  deps: VerificationDeps,
  limiter: RateLimiter,
  apiKeys: ApiKeyRepository = createApiKeyRepository(deps.db),
): void {
  const admin = requireApiKey('admin', apiKeys, deps.keys);
  const device = [requireApiKey('device', apiKeys, deps.keys), limitGuessing(limiter)];
  const issueService = createIssueService(deps);
  const verify = createVerifyService(deps);
  const certificate = createCertificateService(deps);
  const status = createCodeStatusService(deps);

  app.post(
    '/api/issue',
    {
      preHandler: admin,
      schema: { body: IssueCodeRequestSchema, response: { 200: IssueCodeResponseSchema, ...errors } },
    },
    async (request) => ({
      ...(await issueService.issue(callerOf(request), request.body)),
      padding: responsePadding(),
    }),
  );

  app.post(
    '/api/batch-issue',
    {
      preHandler: admin,
      schema: {
        body: BatchIssueCodeRequestSchema,
        response: { 200: BatchIssueCodeResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { codes } = request.body;
      const results = await issueService.batchIssue(callerOf(request), codes);
      const failed = results.filter((r) => r.errorCode);
      const first = failed[0];
      // All failed for one reason: answer that reason's status, as a single issue would.
      const code = first?.errorCode;
      if (
        code &&
        isErrorCode(code) &&
        failed.length === results.length &&
        failed.every((r) => r.errorCode === code)
      )
        throw new AppError(code, first.error);
      return reply.send({ codes: results, padding: responsePadding() });
    },
  );

  app.post(
    '/api/checkcodestatus',
    {
      preHandler: admin,
      schema: {
        body: CheckCodeStatusRequestSchema,
        response: { 200: CheckCodeStatusResponseSchema, ...errors },
      },
    },
    async (request) => ({
      ...(await status.check(callerOf(request), request.body.uuid)),
      padding: responsePadding(),
    }),
  );

  app.post(
    '/api/expirecode',
    {
      preHandler: admin,
      schema: { body: ExpireCodeRequestSchema, response: { 200: ExpireCodeResponseSchema, ...errors } },
    },
    async (request) => ({
      ...(await status.expire(callerOf(request), request.body.uuid)),
      padding: responsePadding(),
    }),
  );

  app.post(
    '/api/verify',
    {
      preHandler: device,
      schema: { body: VerifyCodeRequestSchema, response: { 200: VerifyCodeResponseSchema, ...errors } },
    },
    async (request) => ({
      ...(await verify(callerOf(request), request.body)),
      padding: responsePadding(),
    }),
  );

  app.post(
    '/api/certificate',
    {
      preHandler: device,
      schema: {
        body: VerificationCertificateRequestSchema,
        response: { 200: VerificationCertificateResponseSchema, ...errors },
      },
    },
    async (request) => ({
      ...(await certificate(callerOf(request), request.body)),
      padding: responsePadding(),
    }),
  );
}
