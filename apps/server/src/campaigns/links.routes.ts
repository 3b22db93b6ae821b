import { CHANNELS, LinkListSchema, LinkRequestSchema, LinkSchema } from '@bluezone/api';
import type { RequireConsoleUser } from '../accounts/console-auth.js';
import { consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { newInviteCode } from '../adoption/invite-code.js';
import { requireProvince } from '../areas/area-codes.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createCampaignRepository, type LinkRow } from './campaign.repository.js';
import { campaignLookups } from './campaign-lookups.js';
import { CODED_ROW_WRITE_ERRORS, registerCodedRowRoutes } from './coded-rows.routes.js';

/** `/console/api/campaigns/links`: tracked install links per channel, with SMS texts and posters. */
export function linkRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const campaigns = createCampaignRepository(deps.db);
    const lookups = campaignLookups(campaigns, createAdoptionReadRepository(deps.db));
    registerCodedRowRoutes<LinkRow, typeof LinkRequestSchema>(app, requireConsoleUser, deps, {
      plural: 'links',
      listSummary: 'Tracked install links with their URL, SMS texts (length, segments) and installs',
      listSchema: LinkListSchema,
      createSummary:
        'Make a tracked install link for a channel: `/app/?org=…&ch=…` and a ready-to-send SMS text',
      createDescription: `The English SMS fits one GSM-7 SMS (160); the Vietnamese one is UCS-2 (70 a segment, 67 when split) and reports its segments. Audited. ${consoleErrorList([...CODED_ROW_WRITE_ERRORS, 'unknown_province', 'invalid_channel', 'organisation_not_found'])}`,
      createBody: LinkRequestSchema,
      viewSchema: LinkSchema,
      deleteSummary: 'Delete a tracked link (installs already counted stay counted)',
      notFound: 'link_not_found',
      audit: {
        created: 'link_created',
        deleted: 'link_deleted',
        createdDetails: (row) => ({ channel: row.channel, organisation: row.organisation }),
        deletedDetails: (row) => ({ channel: row.channel }),
      },
      rows: (province) => campaigns.links(province),
      views: (rows, origin) => lookups.linkViews(rows, origin),
      async create(body, user) {
        const { channel, organisation } = body;
        if (!(CHANNELS as readonly string[]).includes(channel)) throw new AppError('invalid_channel');
        const org = organisation === undefined ? undefined : await campaigns.organisation(organisation);
        if (organisation !== undefined && !org) throw new AppError('organisation_not_found');
        const provinceCode = body.province ?? org?.province ?? user.province;
        if (!provinceCode) throw new AppError('unknown_province', 'Name the province of the link.');
        assertProvinceAccess(user, provinceCode);
        const province = requireProvince(provinceCode);
        if (org && org.province !== province.code) assertProvinceAccess(user, org.province);
        return campaigns.createLink(
          {
            channel,
            province: province.code,
            organisation: org?.code ?? null,
            label: body.label ?? '',
            createdAt: deps.clock.now(),
          },
          () => newInviteCode(),
        );
      },
      find: (code, user) => lookups.link(code, user),
      remove: (code) => campaigns.deleteLink(code),
    });
  };
}
