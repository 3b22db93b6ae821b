import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess, type ConsoleUser } from '../accounts/roles.js';
import { ADOPTION_READERS, CAMPAIGN_WRITERS, requireProvince } from '../adoption/adoption-areas.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { hidden } from '../adoption/suppression.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { VerificationDeps } from '../verification/verification.types.js';
import { createCampaignRepository, type LinkRow } from './campaign.repository.js';
import { installCells, linkView, originOf } from './campaign-links.js';
import {
  CHANNELS,
  CodeParamsSchema,
  DeletedSchema,
  LinkListSchema,
  LinkRequestSchema,
  LinkSchema,
  ProvinceQuerySchema,
} from './campaigns.schemas.js';
import { newInviteCode } from './invite-code.js';
import { sendPdf } from './organisations.routes.js';
import { posterPdf } from './poster-pdf.js';
import { listScope } from './targets.routes.js';

const tags = ['console: campaigns'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
const WRITE = [...BODY, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area'];
const CHANNEL_NAMES: Record<string, string> = {
  'sms:viettel': 'SMS Viettel',
  'sms:vinaphone': 'SMS Vinaphone',
  'sms:mobifone': 'SMS Mobifone',
  poster: 'Áp phích / Poster',
  organisation: 'Tổ chức / Organisation',
  other: 'Bluezone',
};

/** `/console/api/campaigns/links`: tracked install links per channel, with SMS texts and posters. */
export function linkRoutes(deps: VerificationDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const campaigns = createCampaignRepository(deps.db);
    const reads = createAdoptionReadRepository(deps.db);
    const requireLink = async (code: string, user: ConsoleUser) => {
      const row = await campaigns.link(code);
      if (!row) throw new AppError('link_not_found');
      assertProvinceAccess(user, row.province);
      return row;
    };
    const withInstalls = async (rows: readonly LinkRow[], origin: string) => {
      const cells = new Map<string, ReturnType<typeof linkView>['installs']>();
      for (const province of new Set(rows.map((r) => r.province))) {
        const codes = (await campaigns.links(province)).map((l) => l.code);
        for (const [code, cell] of await installCells(reads, 'channel', province, codes))
          cells.set(code, cell);
      }
      return rows.map((r) => linkView(r, origin, cells.get(r.code) ?? hidden));
    };

    app.get(
      '/console/api/campaigns/links',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary: 'Tracked install links with their URL, SMS texts (length, segments) and installs',
          description: consoleErrorList([
            'invalid_request',
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'unknown_province',
          ]),
          querystring: ProvinceQuerySchema,
          response: { 200: LinkListSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const scope = listScope(consoleUserOf(request), request.query.province);
        return { links: await withInstalls(await campaigns.links(scope), originOf(request)) };
      },
    );

    app.post(
      '/console/api/campaigns/links',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          tags,
          summary:
            'Make a tracked install link for a channel: `/app/?org=…&ch=…` and a ready-to-send SMS text',
          description: `The English SMS fits one GSM-7 SMS (160); the Vietnamese one is UCS-2 (70 a segment, 67 when split) and reports its segments. Audited. ${consoleErrorList([...WRITE, 'unknown_province', 'invalid_channel', 'organisation_not_found'])}`,
          body: LinkRequestSchema,
          response: { 200: LinkSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const { channel, organisation } = request.body;
        if (!(CHANNELS as readonly string[]).includes(channel)) throw new AppError('invalid_channel');
        const org = organisation === undefined ? undefined : await campaigns.organisation(organisation);
        if (organisation !== undefined && !org) throw new AppError('organisation_not_found');
        const provinceCode = request.body.province ?? org?.province ?? user.province;
        if (!provinceCode) throw new AppError('unknown_province', 'Name the province of the link.');
        assertProvinceAccess(user, provinceCode);
        const province = requireProvince(provinceCode);
        if (org && org.province !== province.code) assertProvinceAccess(user, org.province);
        const row = await campaigns.createLink(
          {
            channel,
            province: province.code,
            organisation: org?.code ?? null,
            label: request.body.label ?? '',
            createdAt: deps.clock.now(),
          },
          () => newInviteCode(),
        );
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'link_created',
            target: row.code,
            province: row.province,
            details: { channel, organisation: row.organisation },
          },
          deps.clock.now(),
        );
        const [view] = await withInstalls([row], originOf(request));
        return view;
      },
    );

    app.delete(
      '/console/api/campaigns/links/:code',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          tags,
          params: CodeParamsSchema,
          summary: 'Delete a tracked link (installs already counted stay counted)',
          description: `Audited. ${consoleErrorList(['not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'link_not_found'])}`,
          response: { 200: DeletedSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await requireLink(request.params.code, user);
        await campaigns.deleteLink(row.code);
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'link_deleted',
            target: row.code,
            province: row.province,
            details: { channel: row.channel },
          },
          deps.clock.now(),
        );
        return { deleted: true };
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
        const row = await requireLink(request.params.code, consoleUserOf(request));
        const org = row.organisation ? await campaigns.organisation(row.organisation) : undefined;
        const [view] = await withInstalls([row], originOf(request));
        const name = org?.name ?? (row.label || CHANNEL_NAMES[row.channel] || 'Bluezone');
        const bytes = await posterPdf({ name, installUrl: view?.installUrl ?? '', code: row.code });
        return sendPdf(reply, bytes, row.code);
      },
    );
  };
}
