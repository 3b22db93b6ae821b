import {
  DeletedSchema,
  VenueIdParamsSchema,
  VenueListQuerySchema,
  VenueListSchema,
  VenueRequestSchema,
  VenueSchema,
  VenueUpdateSchema,
} from '@bluezone/api';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess, type ConsoleUser } from '../accounts/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { createCampaignRepository } from '../campaigns/campaign.repository.js';
import { listScope } from '../campaigns/targets.routes.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createVenueRepository, type VenueRepository, type VenueRow } from './venue.repository.js';
import { editedVenue, newVenue, venueOwner } from './venue-input.js';
import { VENUE_READERS, VENUE_WRITERS, venueOrigin, venueView } from './venue-view.js';

export const tags = ['console: venues'];
export const BODY_ERRORS = [
  'unparsable_request',
  'invalid_request',
  'body_too_large',
  'unsupported_media_type',
];
export const VENUE_FIELD_ERRORS = [
  'invalid_venue',
  'unknown_district',
  'checkin_field_too_long',
  'checkin_invalid_field',
  'checkin_invalid_times',
];

/** The venue of an id the user covers (404 `venue_not_found`, 403 `forbidden_area`). */
export async function findVenue(venues: VenueRepository, id: string, user: ConsoleUser): Promise<VenueRow> {
  const row = await venues.find(id);
  if (!row) throw new AppError('venue_not_found');
  assertProvinceAccess(user, row.province);
  return row;
}

/** `/console/api/venues`: list, register, edit and delete venues (docs/checkin.md, docs/console.md). */
export function venueRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const venues = createVenueRepository(deps.db);
    const campaigns = createCampaignRepository(deps.db);
    const audit = (user: ConsoleUser, action: string, row: VenueRow, details: Record<string, unknown> = {}) =>
      recordAudit(
        deps.db,
        {
          actor: user,
          action,
          target: row.id,
          province: row.province,
          details: { name: row.name, ...details },
        },
        deps.clock.now(),
      );

    app.get(
      '/console/api/venues',
      {
        preHandler: requireConsoleUser(VENUE_READERS),
        schema: {
          tags,
          summary:
            'Venues with their QR code (event URL), location ID and poster, by province and organisation',
          description: consoleErrorList([
            'invalid_request',
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'unknown_province',
          ]),
          querystring: VenueListQuerySchema,
          response: { 200: VenueListSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const province = listScope(consoleUserOf(request), request.query.province);
        const rows = await venues.list({ province, organisation: request.query.organisation });
        const origin = venueOrigin(deps.config, request);
        return { venues: rows.map((r) => venueView(r, origin)) };
      },
    );

    app.post(
      '/console/api/venues',
      {
        preHandler: requireConsoleUser(VENUE_WRITERS),
        schema: {
          tags,
          summary: 'Register a venue: a permanent place or an event; its QR code gets a random 16-byte seed',
          description: `National administrators for any province, provincial officers for theirs. An organisation's venue is in the organisation's province. Audited. ${consoleErrorList([...BODY_ERRORS, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'unknown_province', 'organisation_not_found', ...VENUE_FIELD_ERRORS])}`,
          body: VenueRequestSchema,
          response: { 200: VenueSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const owner = await venueOwner(campaigns, user, request.body);
        const [row] = await venues.insert([newVenue(owner, request.body, deps.clock.now())]);
        if (!row) throw new Error('venue not inserted');
        await audit(user, 'venue_created', row, { organisation: row.organisation });
        return venueView(row, venueOrigin(deps.config, request));
      },
    );

    app.get(
      '/console/api/venues/:id',
      {
        preHandler: requireConsoleUser(VENUE_READERS),
        schema: {
          tags,
          summary: 'One venue',
          description: consoleErrorList([
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'venue_not_found',
          ]),
          params: VenueIdParamsSchema,
          response: { 200: VenueSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) =>
        venueView(
          await findVenue(venues, request.params.id, consoleUserOf(request)),
          venueOrigin(deps.config, request),
        ),
    );

    app.post(
      '/console/api/venues/:id',
      {
        preHandler: requireConsoleUser(VENUE_WRITERS),
        schema: {
          tags,
          summary:
            'Edit a venue (same seed; a changed name, address, type, length or time changes its QR code)',
          description: `Audited. ${consoleErrorList([...BODY_ERRORS, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'venue_not_found', ...VENUE_FIELD_ERRORS])}`,
          params: VenueIdParamsSchema,
          body: VenueUpdateSchema,
          response: { 200: VenueSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await findVenue(venues, request.params.id, user);
        const updated = await venues.update(row.id, editedVenue(row, request.body, deps.clock.now()));
        if (!updated) throw new AppError('venue_not_found');
        await audit(user, 'venue_updated', updated, {
          codeChanged: Buffer.compare(row.payload, updated.payload) !== 0,
        });
        return venueView(updated, venueOrigin(deps.config, request));
      },
    );

    app.delete(
      '/console/api/venues/:id',
      {
        preHandler: requireConsoleUser(VENUE_WRITERS),
        schema: {
          tags,
          params: VenueIdParamsSchema,
          summary: 'Delete a venue (warnings already published stay until their packages expire)',
          description: `Audited. ${consoleErrorList(['not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'venue_not_found'])}`,
          response: { 200: DeletedSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await findVenue(venues, request.params.id, user);
        await venues.remove(row.id);
        await audit(user, 'venue_deleted', row);
        return { deleted: true };
      },
    );
  };
}
