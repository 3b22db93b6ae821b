import {
  CodeParamsSchema,
  DeletedSchema,
  OrganisationListSchema,
  OrganisationRequestSchema,
  OrganisationSchema,
  ProvinceQuerySchema,
} from '@bluezone/api';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import {
  ADOPTION_READERS,
  CAMPAIGN_WRITERS,
  requireDistrict,
  requireProvince,
} from '../adoption/adoption-areas.js';
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

/** `/console/api/campaigns/organisations`: unions, companies, schools… with invite codes and posters. */
export function organisationRoutes(deps: VerificationDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const campaigns = createCampaignRepository(deps.db);
    const reads = createAdoptionReadRepository(deps.db);
    const lookups = campaignLookups(campaigns, reads);

    app.get(
      '/console/api/campaigns/organisations',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary:
            'Organisations with their invite code, install link, poster and installs (suppressed below 10)',
          description: consoleErrorList([
            'invalid_request',
            'not_signed_in',
            'forbidden_role',
            'forbidden_area',
            'unknown_province',
          ]),
          querystring: ProvinceQuerySchema,
          response: { 200: OrganisationListSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const scope = listScope(consoleUserOf(request), request.query.province);
        return {
          organisations: await lookups.organisationViews(
            await campaigns.organisations(scope),
            originOf(request),
          ),
        };
      },
    );

    app.post(
      '/console/api/campaigns/organisations',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          tags,
          summary:
            'Add an organisation: it gets an invite code (6 unambiguous characters) and an install link',
          description: `National administrators for any province, provincial officers for theirs (the default). Audited. ${consoleErrorList([...WRITE, 'unknown_province', 'unknown_district'])}`,
          body: OrganisationRequestSchema,
          response: { 200: OrganisationSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const provinceCode = request.body.province ?? user.province;
        if (!provinceCode) throw new AppError('unknown_province', 'Name the province of the organisation.');
        assertProvinceAccess(user, provinceCode);
        const province = requireProvince(provinceCode);
        if (request.body.district !== undefined) requireDistrict(province, request.body.district);
        const row = await campaigns.createOrganisation(
          {
            name: request.body.name.trim() || request.body.name,
            type: request.body.type,
            province: province.code,
            district: request.body.district ?? null,
            createdAt: deps.clock.now(),
          },
          () => newInviteCode(),
        );
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'organisation_created',
            target: row.code,
            province: row.province,
            details: { name: row.name, type: row.type },
          },
          deps.clock.now(),
        );
        const [view] = await lookups.organisationViews([row], originOf(request));
        return view;
      },
    );

    app.delete(
      '/console/api/campaigns/organisations/:code',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          tags,
          params: CodeParamsSchema,
          summary: 'Delete an organisation and its links (installs already counted stay counted)',
          description: `Audited. ${consoleErrorList(['not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'organisation_not_found'])}`,
          response: { 200: DeletedSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await lookups.organisation(request.params.code, user);
        await campaigns.deleteOrganisation(row.code);
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'organisation_deleted',
            target: row.code,
            province: row.province,
            details: { name: row.name },
          },
          deps.clock.now(),
        );
        return { deleted: true };
      },
    );
  };
}
