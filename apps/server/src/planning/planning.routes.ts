import { randomBytes } from 'node:crypto';
import { type AdoptionCurveAnswer, AdoptionCurveAnswerSchema, AdoptionCurveQuerySchema } from '@bluezone/api';
import { ADOPTION_CURVE_VERSION } from '@bluezone/epidemic';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, ConsoleError, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import { ADOPTION_READERS, NATIONAL_AREA } from '../adoption/adoption-areas.js';
import { requireProvince } from '../areas/area-codes.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createAdoptionCurveRepository } from './adoption-curve.repository.js';
import { CURVE_DEMOGRAPHY, CURVE_GRID, type CurveRegime, curveInputs } from './curve-inputs.js';
import { startCurveRunner } from './curve-runner.js';

const tags = ['console: planning'];
/** A lease this long without progress means the computing process died: another one takes over. */
const LEASE_MS = 2 * 60_000;
/** How often a process looks for curves other processes queued or abandoned. */
const POLL_MS = 30_000;

/**
 * `/console/api/planning/adoption-curve`: the "What adoption buys" curves of an area, read from the
 * cache at once — computed in the background (a worker thread, one curve at a time per process) when
 * missing; the page polls while `status` is `queued` or `computing`.
 */
export function planningConsoleRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const curves = createAdoptionCurveRepository(deps.db);
    const settings = { people: deps.config.plannerPeople, seeds: deps.config.plannerSeeds };
    const runner = deps.config.plannerWorker
      ? startCurveRunner({
          curves,
          clock: deps.clock,
          log: app.log,
          owner: `${process.pid}-${randomBytes(6).toString('hex')}`,
          leaseMs: LEASE_MS,
          pollMs: POLL_MS,
        })
      : undefined;
    app.addHook('onClose', async () => runner?.stop());

    app.get(
      '/console/api/planning/adoption-curve',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary:
            'What adoption buys: infections averted (F1, F1+F2) and quarantine load against adoption, for an area and an epidemic regime',
          description: `Answers at once from the cache: 200 with \`status: ready\` and the curve, or 202 with \`status: queued | computing\` and \`progress\` while a server process computes it in the background (poll again). Provincial officers and analysts of a province read their province only; only national administrators and analysts choose the regime (\`forbidden_role\`). The curves are a model, not a forecast (docs/planner.md). ${consoleErrorList(['invalid_request', 'not_signed_in', 'forbidden_role', 'forbidden_area', 'unknown_province'])}`,
          querystring: AdoptionCurveQuerySchema,
          response: {
            200: AdoptionCurveAnswerSchema,
            202: AdoptionCurveAnswerSchema,
            ...CONSOLE_ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const user = consoleUserOf(request);
        const area = request.query.area ?? NATIONAL_AREA;
        assertProvinceAccess(user, area === NATIONAL_AREA ? null : area);
        if (area !== NATIONAL_AREA) requireProvince(area);
        const canChangeRegime = user.role === 'national' || user.role === 'analyst';
        const regime: CurveRegime = request.query.regime ?? 'baseline';
        if (regime !== 'baseline' && !canChangeRegime)
          throw new ConsoleError(
            'forbidden_role',
            'Only national administrators and analysts choose the regime.',
          );
        const inputs = curveInputs(regime, settings);
        let row = await curves.find(inputs.hash);
        if (!row) {
          await curves.request(inputs.hash, regime, inputs.options, deps.clock.now());
          runner?.wake();
          row = await curves.find(inputs.hash);
        }
        const status = row?.status ?? 'queued';
        const answer: AdoptionCurveAnswer = {
          area,
          regime,
          canChangeRegime,
          status,
          progress: row?.progress ?? 0,
          computedAt: status === 'ready' ? (row?.completedAt?.toISOString() ?? null) : null,
          settings: {
            ...settings,
            days: inputs.options.days,
            grid: [...CURVE_GRID],
            demography: CURVE_DEMOGRAPHY,
            modelVersion: ADOPTION_CURVE_VERSION,
          },
          curve: status === 'ready' ? (row?.curve as AdoptionCurveAnswer['curve']) : null,
          error: row?.error ?? null,
        };
        if (status === 'queued' || status === 'computing') reply.code(202);
        return answer;
      },
    );
  };
}
