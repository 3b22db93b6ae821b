import { StatisticsQuerySchema, StatisticsSchema } from '@bluezone/api';
import type { RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { configuredAreas } from '../areas/area-codes.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import type { DownloadCounter } from './download-counter.js';
import { createStatisticsRepository } from './statistics.repository.js';
import { exposureStatistics, MAX_STATISTICS_DAYS, statisticsRange } from './statistics.service.js';

/** `GET /console/api/statistics`: what the key server did, per UTC day. */
export function statisticsRoutes(deps: ServerDeps, downloads: DownloadCounter) {
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
          description: `Every console role. Counts are national; \`byProvince\` gives, per province set, keys published (F0, F1; a key declared in two provinces counts in both) and the export bytes a phone watching it downloads a day. Kept beyond the 48 h / 14 day retention of the rows they come from. At most ${MAX_STATISTICS_DAYS} days. ${consoleErrorList(['invalid_request', 'not_signed_in', 'invalid_date'])}`,
          querystring: StatisticsQuerySchema,
          response: { 200: StatisticsSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) =>
        exposureStatistics(
          repo,
          deps.blobStore,
          statisticsRange(deps.clock.now(), request.query.from, request.query.to),
          downloads,
          { national: deps.config.region, provinces: configuredAreas().provinces.map((p) => p.code) },
        ),
    );
  };
}
