import {
  ImportErrorSchema,
  PosterQuerySchema,
  PosterZipQuerySchema,
  VenueIdParamsSchema,
  VenueImportAnswerSchema,
  VenueImportRequestSchema,
} from '@bluezone/api';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { createCampaignRepository } from '../campaigns/campaign.repository.js';
import { sendPdf } from '../campaigns/posters.routes.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createVenueRepository, type VenueRow } from './venue.repository.js';
import { venueCodeView } from './venue-code.js';
import { parseVenueCsv, VENUE_CSV_COLUMNS } from './venue-csv.js';
import { venueOwner } from './venue-input.js';
import { type PosterSize, posterFileName, posterZip, venuePosterPdf } from './venue-poster.js';
import { eventWhen, VENUE_READERS, VENUE_WRITERS, venueOrigin, venueView } from './venue-view.js';
import { BODY_ERRORS, findVenue, tags } from './venues.routes.js';

const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});

/** Posters of venues (one PDF, or a ZIP of an organisation's), and the CSV import of venues. */
export function venuePosterRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const venues = createVenueRepository(deps.db);
    const campaigns = createCampaignRepository(deps.db);
    const poster = (row: VenueRow, origin: string, size: PosterSize) =>
      venuePosterPdf(
        {
          name: row.name,
          address: row.address,
          url: venueCodeView(row.payload, row.locationId, origin).url,
          when: eventWhen(row),
        },
        size,
      );

    app.get(
      '/console/api/venues/:id/poster.pdf',
      {
        preHandler: requireConsoleUser(VENUE_READERS),
        schema: {
          tags,
          params: VenueIdParamsSchema,
          querystring: PosterQuerySchema,
          summary:
            'A venue\'s check-in poster (PDF, A4 or A5 table stand): its QR code, name, "Quét mã để khai báo vào / Scan to check in"',
          description: consoleErrorList([
            'invalid_request',
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'venue_not_found',
          ]),
          response: { 200: binary('application/pdf', 'The PDF.'), ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const row = await findVenue(venues, request.params.id, consoleUserOf(request));
        const size = request.query.size ?? 'a4';
        const bytes = await poster(row, venueOrigin(deps.config, request), size);
        return sendPdf(reply, bytes, `venue-${row.id.slice(0, 8)}-${size}`);
      },
    );

    app.get(
      '/console/api/venues/posters.zip',
      {
        preHandler: requireConsoleUser(VENUE_READERS),
        schema: {
          tags,
          querystring: PosterZipQuerySchema,
          summary: 'A ZIP of the posters (A4 or A5) of every venue of an organisation',
          description: consoleErrorList([
            'invalid_request',
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'organisation_not_found',
          ]),
          response: {
            200: binary('application/zip', 'The ZIP, one PDF per venue.'),
            ...CONSOLE_ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const user = consoleUserOf(request);
        const owner = await venueOwner(campaigns, user, { organisation: request.query.organisation });
        const size = request.query.size ?? 'a4';
        const origin = venueOrigin(deps.config, request);
        const files = [];
        for (const row of await venues.list({ organisation: owner.organisation ?? '' }))
          files.push({
            name: posterFileName(row.name, row.id, size),
            bytes: await poster(row, origin, size),
          });
        return reply
          .header('content-type', 'application/zip')
          .header(
            'content-disposition',
            `attachment; filename="bluezone-venues-${owner.organisation}-${size}.zip"`,
          )
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(posterZip(files)));
      },
    );

    app.post(
      '/console/api/venues/import',
      {
        preHandler: requireConsoleUser(VENUE_WRITERS),
        bodyLimit: 4_194_304,
        schema: {
          tags,
          summary: 'Import venues as CSV, for an organisation or the health authority of a province',
          description: `\`csv\`: \`${VENUE_CSV_COLUMNS.join(',')}\` with that header (RFC 4180 quotes for commas); \`type\` is CWA's location type (1-12), \`start\` and \`end\` ISO 8601 times with an offset (events only), \`district\` a GSO code or empty. All or nothing: any wrong line answers 400 \`import_invalid\` with \`errors: [{line, column, message}]\`. Audited. ${consoleErrorList([...BODY_ERRORS, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'unknown_province', 'organisation_not_found', 'import_invalid'])}`,
          body: VenueImportRequestSchema,
          response: { 200: VenueImportAnswerSchema, '4xx': ImportErrorSchema, '5xx': ImportErrorSchema },
        },
      },
      async (request, reply) => {
        const user = consoleUserOf(request);
        const owner = await venueOwner(campaigns, user, request.body);
        const now = deps.clock.now();
        const parsed = parseVenueCsv(request.body.csv, owner, now);
        if (parsed.problems.length > 0) {
          const error = new AppError('import_invalid');
          return reply
            .status(error.status)
            .send({ error: error.message, errorCode: error.code, errors: parsed.problems });
        }
        const rows = await venues.insert(parsed.venues);
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'venues_imported',
            target: owner.organisation,
            province: owner.province,
            details: { venues: rows.length },
          },
          now,
        );
        const origin = venueOrigin(deps.config, request);
        return { imported: rows.length, venues: rows.map((r) => venueView(r, origin)) };
      },
    );
  };
}
