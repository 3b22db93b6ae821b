import {
  FormatQuerySchema,
  NationalAdoptionSchema,
  ProvinceAdoptionSchema,
  ProvinceParamsSchema,
  TimeseriesQuerySchema,
  TimeseriesSchema,
} from '@bluezone/api';
import type { FastifyReply } from 'fastify';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import { requireProvince } from '../areas/area-codes.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { ADOPTION_READERS, NATIONAL_AREA, utcDay } from './adoption-areas.js';
import { districtsCsv, nationalCsv, sendCsv } from './adoption-csv.js';
import { nationalAdoption } from './adoption-national.service.js';
import { type CampaignSources, provinceAdoption, recentAverage } from './adoption-province.service.js';
import { createAdoptionReadRepository } from './adoption-read.repository.js';
import { dailySeries } from './adoption-series.js';
import { targetProgress } from './target-progress.js';

const tags = ['console: adoption'];
const READ = ['invalid_request', 'not_signed_in', 'forbidden_role'];
const _BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];

/**
 * `/console/api/adoption/…`: counts by area (suppressed), time series, imports; the names and
 * targets of the campaigns module come in `campaigns`.
 */
export function adoptionConsoleRoutes(deps: ServerDeps, campaigns: CampaignSources) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const reads = createAdoptionReadRepository(deps.db);
    const { targets } = campaigns;

    app.get(
      '/console/api/adoption/national',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary:
            'Installs, active phones and adoption rate by province, ranked ("17/63"), vs the 50 million target',
          description: `National administrators, provincial officers and analysts: the ranking is the ministry's bulletin, so every province's officers read it; details of a province are theirs only. Counts below 10 are suppressed. \`?format=csv\`: the provinces as CSV (\`text/csv\`, suppressed cells empty with \`installs_suppressed\` = 1). ${consoleErrorList(READ)}`,
          querystring: FormatQuerySchema,
          response: { 200: NationalAdoptionSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const view = await nationalAdoption(reads, deps.clock.now());
        if (request.query.format !== 'csv') return view;
        sendCsv(reply as unknown as FastifyReply, 'VN', nationalCsv(view));
      },
    );

    app.get(
      '/console/api/adoption/provinces/:iso',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary:
            'One province: districts, organisations, channels, installs per day, targets and the pace they need',
          description: `Users of a province read only their own (\`forbidden_area\`). \`?format=csv\`: the districts as CSV. ${consoleErrorList([...READ, 'forbidden_area', 'unknown_province'])}`,
          params: ProvinceParamsSchema,
          querystring: FormatQuerySchema,
          response: { 200: ProvinceAdoptionSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { iso } = request.params;
        assertProvinceAccess(consoleUserOf(request), iso);
        const view = await provinceAdoption(reads, campaigns, requireProvince(iso).code, deps.clock.now());
        if (request.query.format !== 'csv') return view;
        sendCsv(reply as unknown as FastifyReply, iso, districtsCsv(view));
      },
    );

    app.get(
      '/console/api/adoption/timeseries',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary: 'Installs per UTC day and cumulative, of the country or one province, with its targets',
          description: `Small days are deferred until they add up to 10 (docs/privacy.md). Users of a province read the country's series and their province's. ${consoleErrorList([...READ, 'forbidden_area', 'unknown_province'])}`,
          querystring: TimeseriesQuerySchema,
          response: { 200: TimeseriesSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { province } = request.query;
        const now = deps.clock.now();
        const today = utcDay(now);
        if (province !== undefined) {
          assertProvinceAccess(consoleUserOf(request), province);
          requireProvince(province);
        }
        const area = province ?? NATIONAL_AREA;
        const [series, national, rows] = await Promise.all([
          dailySeries(reads, province, today),
          nationalAdoption(reads, now),
          province === undefined ? targets.list() : targets.list(province),
        ]);
        const current =
          province === undefined
            ? national.total.installs
            : national.provinces.find((p) => p.iso === province)?.installs;
        const average = recentAverage(series.raw, today);
        return {
          area,
          asOf: today,
          series: series.points,
          targets: rows
            .filter((t) => t.area === area)
            .map((t) => targetProgress(t, current ?? { value: null, suppressed: true }, average, today)),
        };
      },
    );
  };
}
