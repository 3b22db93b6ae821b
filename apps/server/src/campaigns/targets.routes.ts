import {
  DeletedSchema,
  IdParamsSchema,
  ProvinceQuerySchema,
  TargetListSchema,
  TargetProgressSchema,
  TargetRequestSchema,
} from '@bluezone/api';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess, type ConsoleUser } from '../accounts/roles.js';
import { ADOPTION_READERS, CAMPAIGN_WRITERS } from '../adoption/adoption-areas.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { requireProvince } from '../areas/area-codes.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createTargetRepository } from './targets.repository.js';
import { auditTarget, checkTarget, progressOf, requireTarget } from './targets.service.js';

const tags = ['console: campaigns'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
const WRITE = [...BODY, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area'];

/** The province a listing is limited to: the user's own, or the one asked for (national users). */
export function listScope(user: ConsoleUser, province: string | undefined): string | undefined {
  if (province !== undefined) {
    assertProvinceAccess(user, province);
    return requireProvince(province).code;
  }
  return user.province ?? undefined;
}

/** `/console/api/campaigns/targets`: targets per area with their progress and pace. */
export function targetRoutes(deps: ServerDeps) {
  return (app: BluezoneServer, requireConsoleUser: RequireConsoleUser): void => {
    const targets = createTargetRepository(deps.db);
    const reads = createAdoptionReadRepository(deps.db);
    const one = async (id: string) => {
      const row = await targets.get(id);
      const [progress] = row ? await progressOf(reads, [row], deps.clock.now()) : [];
      if (!progress) throw new AppError('target_not_found');
      return progress;
    };

    app.get(
      '/console/api/campaigns/targets',
      {
        preHandler: requireConsoleUser(ADOPTION_READERS),
        schema: {
          tags,
          summary: 'Targets with their progress: users needed, installs so far, days left, daily pace needed',
          description: `Users of a province see their province's targets (and its districts'). ${consoleErrorList(['invalid_request', 'not_signed_in', 'forbidden_role', 'forbidden_area', 'unknown_province'])}`,
          querystring: ProvinceQuerySchema,
          response: { 200: TargetListSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const scope = listScope(consoleUserOf(request), request.query.province);
        return { targets: await progressOf(reads, await targets.list(scope), deps.clock.now()) };
      },
    );

    const body = {
      tags,
      body: TargetRequestSchema,
      response: { 200: TargetProgressSchema, ...CONSOLE_ERROR_RESPONSES },
    };
    app.post(
      '/console/api/campaigns/targets',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          ...body,
          summary:
            'Set a target: a share of the population or of smartphone users, or a number of users, by a day',
          description: `National administrators for any area, provincial officers for their province and its districts. Audited. ${consoleErrorList([...WRITE, 'unknown_province', 'invalid_target'])}`,
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await targets.insert(checkTarget(user, request.body), deps.clock.now());
        await auditTarget(deps.db, deps.clock, user, 'target_created', row);
        return one(row.id);
      },
    );

    app.post(
      '/console/api/campaigns/targets/:id',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          ...body,
          params: IdParamsSchema,
          summary: 'Change a target (all its fields)',
          description: `Audited. ${consoleErrorList([...WRITE, 'unknown_province', 'invalid_target', 'target_not_found'])}`,
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        await requireTarget(targets, user, request.params.id);
        const row = await targets.update(
          request.params.id,
          checkTarget(user, request.body),
          deps.clock.now(),
        );
        if (row) await auditTarget(deps.db, deps.clock, user, 'target_changed', row);
        return one(request.params.id);
      },
    );

    app.delete(
      '/console/api/campaigns/targets/:id',
      {
        preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
        schema: {
          tags,
          params: IdParamsSchema,
          summary: 'Delete a target',
          description: `Audited. ${consoleErrorList(['not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', 'target_not_found'])}`,
          response: { 200: DeletedSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const row = await requireTarget(targets, user, request.params.id);
        await targets.delete(row.id);
        await auditTarget(deps.db, deps.clock, user, 'target_deleted', row);
        return { deleted: true };
      },
    );
  };
}
