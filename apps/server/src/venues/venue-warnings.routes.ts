import {
  VenueIdParamsSchema,
  VenueStatisticsSchema,
  VenueWarningAnswerSchema,
  VenueWarningRequestSchema,
} from '@bluezone/api';
import { traceLocationIdHash } from '@bluezone/protocol';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { provinceScope } from '../accounts/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createTraceWarningRepository, hourOf } from './trace-warning.repository.js';
import { createVenueRepository } from './venue.repository.js';
import { VENUE_READERS, VENUE_WARNERS } from './venue-view.js';
import { MAX_VENUE_WARNING_AGE_DAYS, venueWarningWindow, windowWarnings } from './venue-warning-window.js';
import { BODY_ERRORS, findVenue, tags } from './venues.routes.js';

/** A case worker warns a venue; venue statistics (venues registered, warnings per day, never visits). */
export function venueWarningRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const venues = createVenueRepository(deps.db);
    const warnings = createTraceWarningRepository(deps.db);

    app.post(
      '/console/api/venues/:id/warnings',
      {
        preHandler: requireConsoleUser(VENUE_WARNERS),
        schema: {
          tags,
          params: VenueIdParamsSchema,
          body: VenueWarningRequestSchema,
          summary:
            'Warn a venue: an outbreak there on a day from HH:MM to HH:MM (Vietnam time); published in the next hourly package',
          description: `Case workers, provincial officers (their province) and national administrators. Stored as trace warnings of the venue's location ID hash, split at UTC midnight. Audited. ${consoleErrorList([...BODY_ERRORS, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'venue_not_found', 'invalid_venue_warning'])}`,
          response: { 200: VenueWarningAnswerSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await findVenue(venues, request.params.id, user);
        const now = deps.clock.now();
        const window = venueWarningWindow(request.body, now);
        const list = windowWarnings(
          traceLocationIdHash(row.locationId),
          window,
          request.body.transmissionRiskLevel,
        );
        await warnings.insertVenueWarnings(
          list.map((w) => ({ ...w, provinces: [row.province] })),
          hourOf(now),
        );
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'venue_warned',
            target: row.id,
            province: row.province,
            details: { name: row.name, ...request.body },
          },
          now,
        );
        const period = list.reduce((sum, w) => sum + w.period, 0);
        return {
          insertedWarnings: list.length,
          startIntervalNumber: list[0]?.startIntervalNumber ?? 0,
          period,
        };
      },
    );

    app.get(
      '/console/api/venues/statistics',
      {
        preHandler: requireConsoleUser(VENUE_READERS),
        schema: {
          tags,
          summary: 'Venues registered and trace warnings published per day (no visit is ever counted)',
          description: consoleErrorList(['not_signed_in', 'forbidden_role']),
          response: { 200: VenueStatisticsSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const now = deps.clock.now();
        const rows = await venues.warningsPerDay(hourOf(now) - MAX_VENUE_WARNING_AGE_DAYS * 24);
        const days = new Map<string, { day: string; uploaded: number; caseWorker: number }>();
        for (const r of rows) {
          const entry = days.get(r.day) ?? { day: r.day, uploaded: 0, caseWorker: 0 };
          if (r.source === 'upload') entry.uploaded += r.n;
          else entry.caseWorker += r.n;
          days.set(r.day, entry);
        }
        return { venues: await venues.countIn(provinceScope(user)), warningsPerDay: [...days.values()] };
      },
    );
  };
}
