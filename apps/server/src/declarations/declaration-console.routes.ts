import {
  DeclarationListQuerySchema,
  DeclarationListSchema,
  DeclarationParamsSchema,
  DeclarationSchema,
  DeclarationStatusRequestSchema,
} from '@bluezone/api';
import type { ConsoleRouteModule } from '../accounts/console.types.js';
import { consoleUserOf } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import { assertProvinceAccess } from '../accounts/roles.js';
import { requireProvince } from '../areas/area-codes.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ConsoleRole } from '../database/accounts.schema.js';
import { AppError } from '../errors/app-error.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createDeclarationRepository } from './declaration.repository.js';

/** Who reads and handles declarations (personal data): not the analyst. */
export const DECLARATION_ROLES: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];

const tags = ['console: declarations'];

/**
 * `/console/api/declarations`: the declarations of the user's province (all for users of no province),
 * decrypted for the answer; every read and status change is audited, never with the personal data.
 */
export function declarationConsoleRoutes(deps: ServerDeps): ConsoleRouteModule {
  return (app, requireConsoleUser) => {
    const repository = createDeclarationRepository(deps.db, deps.keys);

    app.get(
      '/console/api/declarations',
      {
        preHandler: requireConsoleUser(DECLARATION_ROLES),
        schema: {
          tags,
          summary: 'Declarations of F1/F2 people (name, phone, address), newest first; audited',
          description: `National users see all; provincial officers and case workers their province only; analysts none. ${consoleErrorList(['invalid_request', 'not_signed_in', 'forbidden_role', 'forbidden_area', 'unknown_province'])}`,
          querystring: DeclarationListQuerySchema,
          response: { 200: DeclarationListSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        let province = user.province ?? undefined;
        if (request.query.province !== undefined) {
          assertProvinceAccess(user, request.query.province);
          province = requireProvince(request.query.province).code;
        }
        const status = request.query.status;
        const list = await repository.list({
          ...(province === undefined ? {} : { province }),
          ...(status === undefined ? {} : { status }),
        });
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'declarations_read',
            province: province ?? null,
            details: { count: list.length, status: status ?? null },
          },
          deps.clock.now(),
        );
        return { declarations: list };
      },
    );

    app.post(
      '/console/api/declarations/:id/status',
      {
        preHandler: requireConsoleUser(DECLARATION_ROLES),
        schema: {
          tags,
          params: DeclarationParamsSchema,
          summary: 'Mark a declaration contacted or closed (or new again); audited',
          description: consoleErrorList([
            'unparsable_request',
            'invalid_request',
            'not_signed_in',
            'csrf_token_invalid',
            'forbidden_role',
            'forbidden_area',
            'declaration_not_found',
          ]),
          body: DeclarationStatusRequestSchema,
          response: { 200: DeclarationSchema, ...CONSOLE_ERROR_RESPONSES },
        },
      },
      async (request) => {
        const user = consoleUserOf(request);
        const id = request.params.id.toLowerCase();
        const found = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
          ? await repository.find(id)
          : undefined;
        if (!found) throw new AppError('declaration_not_found');
        assertProvinceAccess(user, found.province);
        const view = await repository.setStatus(id, request.body.status, user.username);
        await recordAudit(
          deps.db,
          {
            actor: user,
            action: 'declaration_status_changed',
            target: id,
            province: found.province,
            details: { from: found.status, to: view.status },
          },
          deps.clock.now(),
        );
        return view;
      },
    );
  };
}
