import { ActiveReportSchema, InstallReportSchema, ReportAnswerSchema } from '@bluezone/api';
import { requireDistrict, requireProvince } from '../areas/area-codes.js';
import { clientGroup } from '../http/client-group.js';
import { errorList } from '../http/openapi-routes.js';
import { createInMemoryRateLimiter, takeOrRefuse } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { utcDay } from './adoption-areas.js';
import type { AdoptionCounter } from './adoption-report.repository.js';
import { isInviteCode, type KnownInviteCodes } from './invite-code.js';

/** Reports per client address and minute (per process); generous, as carriers put many phones behind one address. */
export const ADOPTION_RATE_LIMIT = 120;
const WINDOW_MS = 60_000;

const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'] as const;
const ERRORS = errorList([...BODY, 'unknown_province', 'unknown_district', 'rate_limited']);

/**
 * `POST /v1/adoption/install` and `POST /v1/adoption/active` (docs/privacy.md): public, no API key.
 * Each report adds 1 to a counter row of its UTC day and area; nothing else is written or logged.
 */
export function registerAdoptionReportRoutes(
  app: BluezoneServer,
  deps: ServerDeps,
  known: KnownInviteCodes,
  counter: AdoptionCounter,
): void {
  // Per process on purpose (docs/security.md "Rate limits"): a shared counter would put a database
  // write in front of every report, the hot rows issue 10 took away. The limiter keys on a SHA-256 of
  // the address group (IPv6 by /64), in memory only, forgotten after the window.
  const limiter = createInMemoryRateLimiter(ADOPTION_RATE_LIMIT, WINDOW_MS, deps.clock);
  const limit = (request: { ip: string }) => takeOrRefuse(limiter, `adoption|${clientGroup(request.ip)}`);

  const area = (body: { province: string; district?: string | undefined }) => {
    const province = requireProvince(body.province);
    if (body.district !== undefined && body.district !== '') requireDistrict(province, body.district);
    return { province: province.code, district: body.district ?? '' };
  };

  app.post(
    '/v1/adoption/install',
    {
      preHandler: limit,
      schema: {
        tags: ['adoption'],
        summary: 'Count one install of the app (no identifier: a counter of the day and area is incremented)',
        description: `Sent once, after the person picked their province. \`organisation\` and \`channel\` are the \`org\` and \`ch\` of the install link; unknown codes are counted as none. ${ERRORS}`,
        body: InstallReportSchema,
        response: { 200: ReportAnswerSchema },
      },
    },
    async (request) => {
      const { province, district } = area(request.body);
      const { organisation = '', channel = '' } = request.body;
      const day = utcDay(deps.clock.now());
      counter.count(
        {
          day,
          province,
          district,
          organisation:
            isInviteCode(organisation) && (await known.organisation(organisation)) ? organisation : '',
          channel: isInviteCode(channel) && (await known.link(channel)) ? channel : '',
          platform: request.body.platform,
          appVersion: request.body.appVersion,
        },
        'installs',
      );
      return { counted: true, day };
    },
  );

  app.post(
    '/v1/adoption/active',
    {
      preHandler: limit,
      schema: {
        tags: ['adoption'],
        summary: '"Still active": the app sends it at most once a UTC day while it runs',
        description: `Counted per day and area like an install; the day's count is the number of phones that ran the app that day. ${ERRORS}`,
        body: ActiveReportSchema,
        response: { 200: ReportAnswerSchema },
      },
    },
    async (request) => {
      const { province, district } = area(request.body);
      const day = utcDay(deps.clock.now());
      counter.count(
        {
          day,
          province,
          district,
          organisation: '',
          channel: '',
          platform: request.body.platform,
          appVersion: request.body.appVersion,
        },
        'active',
      );
      return { counted: true, day };
    },
  );
}
