import { ImportAnswerSchema, ImportErrorSchema, ImportRequestSchema } from '@bluezone/api';
import type { RequireConsoleUser } from '../accounts/console-auth.js';
import { consoleUserOf } from '../accounts/console-auth.js';
import { consoleErrorList } from '../accounts/console-errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { CAMPAIGN_WRITERS, utcDay } from './adoption-areas.js';
import { storeImport } from './adoption-import.repository.js';
import { parseAdoptionCsv } from './csv-import.js';

const tags = ['console: adoption'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];

/** `POST /console/api/adoption/import`: counts of app stores and telecom operators, all or nothing. */
export function adoptionImportRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    app.post(
      '/console/api/adoption/import',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        bodyLimit: 4_194_304,
        schema: {
          tags,
          summary:
            'Import counts reported by others (app stores, telecom operators) as CSV, stored per source',
          description: `\`csv\`: \`date,province,district,source,installs[,active]\` with that header; \`district\` may be empty. All or nothing: any wrong line answers 400 \`import_invalid\` with \`errors: [{line, column, message}]\`, one per problem. Provincial officers import for their province only. ${consoleErrorList([...BODY, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'import_invalid'])}`,
          body: ImportRequestSchema,
          response: { 200: ImportAnswerSchema, '4xx': ImportErrorSchema, '5xx': ImportErrorSchema },
        },
      },
      async (request, reply) => {
        const user = consoleUserOf(request);
        const now = deps.clock.now();
        const { rows, problems } = parseAdoptionCsv(
          request.body.csv,
          utcDay(now),
          (p) => user.province === null || user.province === p,
        );
        if (problems.length > 0) {
          const error = new AppError('import_invalid');
          return reply
            .status(error.status)
            .send({ error: error.message, errorCode: error.code, errors: problems });
        }
        await storeImport(deps.db, rows, now);
        const sources = [...new Set(rows.map((r) => r.source))].sort();
        const provinces = [...new Set(rows.map((r) => r.province))];
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'adoption_imported',
            target: sources.join(','),
            province: provinces.length === 1 ? (provinces[0] ?? null) : user.province,
            details: { lines: rows.length, provinces: provinces.length },
          },
          now,
        );
        return { imported: rows.length, sources };
      },
    );
  };
}
