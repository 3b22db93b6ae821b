import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerAuditRoutes } from '../accounts/audit.routes.js';
import type { ConsoleDeps, ConsoleRouteModule } from '../accounts/console.types.js';
import { createConsoleAuth } from '../accounts/console-auth.js';
import { registerSessionRoutes } from '../accounts/session.routes.js';
import { registerUserRoutes } from '../accounts/users.routes.js';
import type { BluezoneServer } from '../http/server.types.js';
import { registerCodeRoutes } from '../verification/console-codes.routes.js';

/**
 * The console's server side under `/console/api/`: sessions, users, codes and the audit log, in a
 * plugin scope of their own; refusals are AppErrors answered by the server's one error handler.
 * `modules` are registered in the same scope with the same `requireConsoleUser`.
 */
export function registerConsoleRoutes(
  app: BluezoneServer,
  deps: ConsoleDeps,
  modules: readonly ConsoleRouteModule[] = [],
): void {
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const { requireConsoleUser, sessions } = createConsoleAuth(deps);
    registerSessionRoutes(scope, deps, sessions, requireConsoleUser);
    registerUserRoutes(scope, deps, requireConsoleUser);
    registerCodeRoutes(scope, deps, requireConsoleUser);
    registerAuditRoutes(scope, deps.db, requireConsoleUser);
    for (const module of modules) await module(scope, requireConsoleUser);
  });
}
