import {
  ConsoleCodeListSchema,
  ExpireConsoleCodeRequestSchema,
  ExpireConsoleCodeResponseSchema,
  IssueConsoleCodeRequestSchema,
  IssueConsoleCodeResponseSchema,
  ListQuerySchema,
  parseLimit,
} from '@bluezone/api';
import type { ConsoleDeps } from '../accounts/console.types.js';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { CODE_ROLES } from '../accounts/roles.js';
import type { BluezoneServer } from '../http/server.types.js';
import { createConsoleCodesService } from './console-codes.service.js';

const tags = ['console: codes'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
const WRITE = [...BODY, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area'];

/** Upload codes through the console: `/console/api/codes`. */
export function registerCodeRoutes(
  app: BluezoneServer,
  deps: ConsoleDeps,
  requireConsoleUser: RequireConsoleUser,
): void {
  const codes = createConsoleCodesService(deps);

  app.post(
    '/console/api/codes',
    {
      preHandler: requireConsoleUser(CODE_ROLES),
      schema: {
        tags,
        summary: "Issue an F0 (confirmed) or F1 (recursive) code for the region's health authority",
        description: `Case workers, provincial officers and national administrators. The code belongs to the user's province (a user of no province may name one). Same validation and daily quota as \`POST /api/issue\`; the audit log records type and time only. ${consoleErrorList([...WRITE, 'unknown_province', 'invalid_test_type', 'missing_date', 'invalid_date', 'quota_exceeded', 'no_health_authority'])}`,
        body: IssueConsoleCodeRequestSchema,
        response: { 200: IssueConsoleCodeResponseSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => codes.issue(consoleUserOf(request), request.body),
  );

  app.get(
    '/console/api/codes',
    {
      preHandler: requireConsoleUser(),
      schema: {
        tags,
        summary: 'Recent codes issued through the console: status, type, time, issuer; never the codes',
        description: `Users of a province see their province's codes. ${consoleErrorList(['invalid_request', 'not_signed_in'])}`,
        querystring: ListQuerySchema,
        response: { 200: ConsoleCodeListSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => ({
      codes: await codes.list(consoleUserOf(request), parseLimit(request.query.limit)),
    }),
  );

  app.post(
    '/console/api/codes/expire',
    {
      preHandler: requireConsoleUser(CODE_ROLES),
      schema: {
        tags,
        summary: 'Expire a code issued through the console (by uuid)',
        description: consoleErrorList([...WRITE, 'code_not_found', 'no_health_authority']),
        body: ExpireConsoleCodeRequestSchema,
        response: { 200: ExpireConsoleCodeResponseSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => codes.expire(consoleUserOf(request), request.body.uuid),
  );
}
