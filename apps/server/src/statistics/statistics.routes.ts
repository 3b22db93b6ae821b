import { type TSchema, Type } from 'typebox';
import type { RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createStatisticsRepository } from './statistics.repository.js';
import { exposureStatistics, MAX_STATISTICS_DAYS, statisticsRange } from './statistics.service.js';

const counts = (keys: readonly string[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])) as Record<string, TSchema>);
const TEST_TYPES = counts(['confirmed', 'likely', 'negative', 'recursive']);
const REPORT_TYPES = counts([
  'CONFIRMED_TEST',
  'CONFIRMED_CLINICAL_DIAGNOSIS',
  'SELF_REPORT',
  'RECURSIVE',
  'REVOKED',
]);

export const StatisticsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  funnel: Type.Object(
    {
      f0Codes: Type.Integer(),
      f0Uploads: Type.Integer(),
      f0Keys: Type.Integer(),
      f1Codes: Type.Integer(),
      f1Uploads: Type.Integer(),
      f1Keys: Type.Integer(),
    },
    {
      description:
        'F0 (confirmed, likely) and F1 (recursive) codes, uploads and keys over the range. F2 warnings happen on phones and are not known to the server.',
    },
  ),
  days: Type.Array(
    Type.Object({
      day: Type.String(),
      codesIssued: TEST_TYPES,
      codesUsed: TEST_TYPES,
      uploads: TEST_TYPES,
      keysPublished: REPORT_TYPES,
      keysRevised: REPORT_TYPES,
      exportFiles: Type.Integer(),
      exportBytes: Type.Integer(),
      exportKeys: Type.Integer({ description: 'Keys in the files (padding included).' }),
      downloads: Type.Integer({ description: 'Export files this server handed out that day (200 answers).' }),
    }),
  ),
  exportFiles: Type.Array(
    Type.Object({
      path: Type.String(),
      region: Type.String(),
      day: Type.String(),
      keyCount: Type.Integer(),
      sizeBytes: Type.Union([Type.Integer(), Type.Null()]),
      downloads: Type.Integer({ description: 'Times this server handed the file out in the range.' }),
    }),
  ),
  downloads: Type.Object(
    {
      total: Type.Integer(),
      counted: Type.Literal('origin', {
        description:
          'Counted where the files leave this server: behind a CDN only its cache misses arrive, so the phones downloading are many more.',
      }),
    },
    { description: 'Export file downloads in the range, counted per file and day, nothing about who.' },
  ),
});

const QuerySchema = Type.Object({
  from: Type.Optional(
    Type.String({ maxLength: 10, description: 'YYYY-MM-DD; default: 29 days before `to`.' }),
  ),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; default: today (UTC).' })),
});

/** `GET /console/api/statistics`: what the key server did, per UTC day. */
export function statisticsRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const repo = createStatisticsRepository(deps.db);
    app.get(
      '/console/api/statistics',
      {
        preHandler: requireConsoleUser(),
        schema: {
          tags: ['console: statistics'],
          summary:
            'Codes issued and used, uploads, keys published by report type (F0 → F1), export files per UTC day',
          description: `Every console role. Counts are national (keys carry no province) and kept beyond the 48 h / 14 day retention of the rows they come from. At most ${MAX_STATISTICS_DAYS} days. ${consoleErrorList(['invalid_request', 'not_signed_in', 'invalid_date'])}`,
          querystring: QuerySchema,
          response: { 200: StatisticsSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) =>
        exposureStatistics(
          repo,
          deps.blobStore,
          statisticsRange(deps.clock.now(), request.query.from, request.query.to),
        ),
    );
  };
}
