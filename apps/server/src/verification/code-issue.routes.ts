import {
  BatchIssueCodeRequestSchema,
  BatchIssueCodeResponseSchema,
  CheckCodeStatusRequestSchema,
  CheckCodeStatusResponseSchema,
  ExpireCodeRequestSchema,
  ExpireCodeResponseSchema,
  IssueCodeRequestSchema,
  IssueCodeResponseSchema,
  isErrorCode,
} from '@bluezone/api';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { callerOf } from '../http/api-key-auth.js';
import { ERROR_RESPONSES } from '../http/openapi.js';
import { responsePadding } from '../http/padding.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createCodeStatusService } from './code-status.service.js';
import { createIssueService } from './issue.service.js';

const admin = { tags: ['verification: health authority'], security: [{ adminApiKey: [] }] };

/** The case worker's routes (admin API key): issue codes, see whether they were used, withdraw them. */
export function registerCodeIssueRoutes(
  app: BluezoneServer,
  deps: ServerDeps,
  requireAdmin: preHandlerAsyncHookHandler,
): void {
  const issueService = createIssueService(deps);
  const status = createCodeStatusService(deps);

  app.post(
    '/api/issue',
    {
      preHandler: requireAdmin,
      schema: {
        ...admin,
        summary: 'Issue a short and a long code for one person',
        body: IssueCodeRequestSchema,
        response: { 200: IssueCodeResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      ...(await issueService.issue(callerOf(request), request.body)),
      padding: responsePadding(),
    }),
  );

  app.post(
    '/api/batch-issue',
    {
      preHandler: requireAdmin,
      schema: {
        ...admin,
        summary: 'Issue up to 10 codes; each item succeeds or fails on its own',
        body: BatchIssueCodeRequestSchema,
        response: { 200: BatchIssueCodeResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const results = await issueService.batchIssue(callerOf(request), request.body.codes);
      const failed = results.filter((r) => r.errorCode);
      const code = failed[0]?.errorCode;
      // All failed for one reason: answer that reason's status, as a single issue would.
      if (
        code &&
        isErrorCode(code) &&
        failed.length === results.length &&
        failed.every((r) => r.errorCode === code)
      )
        throw new AppError(code, failed[0]?.error);
      return { codes: results, padding: responsePadding() };
    },
  );

  app.post(
    '/api/checkcodestatus',
    {
      preHandler: requireAdmin,
      schema: {
        ...admin,
        summary: 'Whether a code (by uuid) was used, and when it expires',
        body: CheckCodeStatusRequestSchema,
        response: { 200: CheckCodeStatusResponseSchema, ...ERROR_RESPONSES },
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
      preHandler: requireAdmin,
      schema: {
        ...admin,
        summary: 'Withdraw a code (by uuid): both its codes expire now',
        body: ExpireCodeRequestSchema,
        response: { 200: ExpireCodeResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      ...(await status.expire(callerOf(request), request.body.uuid)),
      padding: responsePadding(),
    }),
  );
}
