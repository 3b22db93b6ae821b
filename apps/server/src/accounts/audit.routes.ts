import { AuditListSchema, ListQuerySchema, parseLimit } from '@bluezone/api';
import { createAuditRepository } from '../audit/audit.repository.js';
import type { Database } from '../database/database.types.js';
import type { BluezoneServer } from '../http/server.types.js';
import { consoleUserOf, type RequireConsoleUser } from './console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from './console-errors.js';
import { ADMIN_ROLES, provinceScope } from './roles.js';

/** `GET /console/api/audit`: national administrators read everything, provincial officers their province. */
export function registerAuditRoutes(
  app: BluezoneServer,
  db: Database,
  requireConsoleUser: RequireConsoleUser,
): void {
  const audit = createAuditRepository(db);
  app.get(
    '/console/api/audit',
    {
      preHandler: requireConsoleUser(ADMIN_ROLES),
      schema: {
        tags: ['console: audit'],
        summary: 'The audit log, newest first',
        description: `Sign-ins (and failures), sign-outs, user changes, codes issued and expired. Page with \`before\` = the answer's \`nextBefore\`. ${consoleErrorList(['invalid_request', 'not_signed_in', 'forbidden_role'])}`,
        querystring: ListQuerySchema,
        response: { 200: AuditListSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => {
      const user = consoleUserOf(request);
      const limit = parseLimit(request.query.limit, 100);
      const scope = provinceScope(user);
      const rows = await audit.list({
        limit,
        ...(request.query.before === undefined ? {} : { before: Number(request.query.before) }),
        ...(scope === undefined ? {} : { province: scope }),
      });
      return {
        entries: rows.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          username: row.username,
          action: row.action,
          target: row.target,
          province: row.province,
          details: row.details,
        })),
        nextBefore: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
      };
    },
  );
}
