import { CodeParamsSchema } from '@bluezone/api';
import type { FastifyReply } from 'fastify';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { ADOPTION_READERS } from '../adoption/adoption-areas.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createCampaignRepository } from './campaign.repository.js';
import { originOf } from './campaign-links.js';
import { campaignLookups } from './campaign-lookups.js';
import { posterPdf } from './poster-pdf.js';

const tags = ['console: campaigns'];
const CHANNEL_NAMES: Record<string, string> = {
  'sms:viettel': 'SMS Viettel',
  'sms:vinaphone': 'SMS Vinaphone',
  'sms:mobifone': 'SMS Mobifone',
  poster: 'Áp phích / Poster',
  organisation: 'Tổ chức / Organisation',
  other: 'Bluezone',
};

/** The PDF answer of a poster. */
export function sendPdf(reply: FastifyReply, bytes: Uint8Array, name: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="bluezone-${name}.pdf"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes));
}

/** The A4 posters (PDF) of an organisation's invite link and of a tracked link. */
export function posterRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const campaigns = createCampaignRepository(deps.db);
    const lookups = campaignLookups(campaigns, createAdoptionReadRepository(deps.db));

    app.get(
      '/console/api/campaigns/organisations/:code/poster.pdf',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          params: CodeParamsSchema,
          summary:
            "A printable A4 poster (PDF): the organisation's name, the QR code of its install link, texts in Vietnamese and English",
          description: consoleErrorList([
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'organisation_not_found',
          ]),
          response: {
            200: {
              description: 'The PDF.',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
            ...CONSOLE_ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const row = await lookups.organisation(request.params.code, consoleUserOf(request));
        const [view] = await lookups.organisationViews([row], originOf(request));
        const bytes = await posterPdf({ name: row.name, installUrl: view?.installUrl ?? '', code: row.code });
        return sendPdf(reply, bytes, row.code);
      },
    );

    app.get(
      '/console/api/campaigns/links/:code/poster.pdf',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          params: CodeParamsSchema,
          summary:
            "A printable A4 poster (PDF) with the QR code of the link (for a venue: a station, an office's lift)",
          description: consoleErrorList([
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'link_not_found',
          ]),
          response: {
            200: {
              description: 'The PDF.',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
            ...CONSOLE_ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const row = await lookups.link(request.params.code, consoleUserOf(request));
        const org = row.organisation ? await campaigns.organisation(row.organisation) : undefined;
        const [view] = await lookups.linkViews([row], originOf(request));
        const name = org?.name ?? (row.label || CHANNEL_NAMES[row.channel] || 'Bluezone');
        const bytes = await posterPdf({ name, installUrl: view?.installUrl ?? '', code: row.code });
        return sendPdf(reply, bytes, row.code);
      },
    );
  };
}
