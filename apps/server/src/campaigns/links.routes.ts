import {
  CHANNELS,
  CodeParamsSchema,
  DeletedSchema,
  LinkListSchema,
  LinkRequestSchema,
  LinkSchema,
  ProvinceQuerySchema,
} from '@bluezone/api';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import { ADOPTION_READERS, CAMPAIGN_WRITERS, requireProvince } from '../adoption/adoption-areas.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { VerificationDeps } from '../verification/verification.types.js';
import { createCampaignRepository } from './campaign.repository.js';
import { originOf } from './campaign-links.js';
import { campaignLookups } from './campaign-lookups.js';
import { newInviteCode } from './invite-code.js';
import { listScope } from './targets.routes.js';

const tags = ['console: campaigns'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
const WRITE = [...BODY, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area'];

/** `/console/api/campaigns/links`: tracked install links per channel, with SMS texts and posters. */
export function linkRoutes(deps: VerificationDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const campaigns = createCampaignRepository(deps.db);
    const reads = createAdoptionReadRepository(deps.db);
    const lookups = campaignLookups(campaigns, reads);

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
        return { links: await lookups.linkViews(await campaigns.links(scope), originOf(request)) };
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
        const [view] = await lookups.linkViews([row], originOf(request));
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
        const row = await lookups.link(request.params.code, user);
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
  };
}
