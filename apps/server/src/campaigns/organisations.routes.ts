import { OrganisationListSchema, OrganisationRequestSchema, OrganisationSchema } from '@bluezone/api';
import type { RequireConsoleUser } from '../accounts/console-auth.js';
import { consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { newInviteCode } from '../adoption/invite-code.js';
import { requireDistrict, requireProvince } from '../areas/area-codes.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createCampaignRepository, type OrganisationRow } from './campaign.repository.js';
import { campaignLookups } from './campaign-lookups.js';
import { CODED_ROW_WRITE_ERRORS, registerCodedRowRoutes } from './coded-rows.routes.js';

/** `/console/api/campaigns/organisations`: unions, companies, schools… with invite codes and posters. */
export function organisationRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const campaigns = createCampaignRepository(deps.db);
    const lookups = campaignLookups(campaigns, createAdoptionReadRepository(deps.db));
    registerCodedRowRoutes<OrganisationRow, typeof OrganisationRequestSchema>(app, requireConsoleUser, deps, {
      plural: 'organisations',
      listSummary:
        'Organisations with their invite code, install link, poster and installs (suppressed below 10)',
      listSchema: OrganisationListSchema,
      createSummary:
        'Add an organisation: it gets an invite code (6 unambiguous characters) and an install link',
      createDescription: `National administrators for any province, provincial officers for theirs (the default). Audited. ${consoleErrorList([...CODED_ROW_WRITE_ERRORS, 'unknown_province', 'unknown_district'])}`,
      createBody: OrganisationRequestSchema,
      viewSchema: OrganisationSchema,
      deleteSummary: 'Delete an organisation and its links (installs already counted stay counted)',
      notFound: 'organisation_not_found',
      audit: {
        created: 'organisation_created',
        deleted: 'organisation_deleted',
        createdDetails: (row) => ({ name: row.name, type: row.type }),
        deletedDetails: (row) => ({ name: row.name }),
      },
      rows: (province) => campaigns.organisations(province),
      views: (rows, origin) => lookups.organisationViews(rows, origin),
      async create(body, user) {
        const provinceCode = body.province ?? user.province;
        if (!provinceCode) throw new AppError('unknown_province', 'Name the province of the organisation.');
        assertProvinceAccess(user, provinceCode);
        const province = requireProvince(provinceCode);
        if (body.district !== undefined) requireDistrict(province, body.district);
        return campaigns.createOrganisation(
          {
            name: body.name.trim() || body.name,
            type: body.type,
            province: province.code,
            district: body.district ?? null,
            createdAt: deps.clock.now(),
          },
          () => newInviteCode(),
        );
      },
      find: (code, user) => lookups.organisation(code, user),
      remove: (code) => campaigns.deleteOrganisation(code),
    });
  };
}
