import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import { registerConsoleRoutes } from '../accounts/console.routes.js';
import { registerAdoptionReportRoutes } from '../adoption/adoption-report.routes.js';
import { adoptionConsoleModules } from '../adoption/console-modules.js';
import { registerAreaRoutes } from '../areas/areas.routes.js';
import type { DatabaseHandle } from '../database/database.types.js';
import { registerDeclarationRoutes } from '../declarations/declaration.routes.js';
import { declarationConsoleRoutes } from '../declarations/declaration-console.routes.js';
import { registerDistributionRoutes } from '../distribution/distribution.routes.js';
import { installMetricsHooks, registerMetricsRoutes } from '../metrics/metrics.routes.js';
import { registerPublishRoutes } from '../publish/publish.routes.js';
import { registerVerificationRoutes } from '../verification/verification.routes.js';
import type { VerificationDeps } from '../verification/verification.types.js';
import { registerWebApp, type WebAppOptions } from '../web/web-app.routes.js';
import { registerWebConsole, type WebConsoleOptions } from '../web/web-console.routes.js';
import { frameworkErrors, installErrorHandler } from './error-handler.js';
import { closeConnectionsOnShutdown } from './graceful-close.js';
import { registerHealthRoutes } from './health.routes.js';
import { registerOpenApi } from './openapi.js';
import type { RateLimiter } from './rate-limiter.js';
import type { BluezoneServer } from './server.types.js';

export interface ServerDeps extends VerificationDeps {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  readonly rateLimiter: RateLimiter;
  /** The citizen app at `/app/` (apps/server/src/web). */
  readonly webApp?: WebAppOptions | undefined;
  /** The health-authority console at `/console/` (apps/server/src/web). */
  readonly webConsole?: WebConsoleOptions | undefined;
}

/**
 * The HTTP API as a Fastify instance (not listening): tests drive it with `inject()`, `startServer`
 * listens. Request logging is Bluezone's own (method, route, status, time): never the client's address.
 */
export function buildServer(deps: ServerDeps): BluezoneServer {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    // Named proxies only, never `true`: trusting every X-Forwarded-For entry would let a client pick
    // its own address and escape the rate limit.
    trustProxy: config.trustedProxies ?? false,
    return503OnClosing: true,
    frameworkErrors,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('caller', null);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(none)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  installErrorHandler(app);
  installMetricsHooks(app, config);
  closeConnectionsOnShutdown(app);
  // The OpenAPI plugin first, then the routes in a plugin of their own, so the document sees them all.
  registerOpenApi(app);
  app.register(async (scope) => {
    const routes = scope.withTypeProvider<TypeBoxTypeProvider>();
    registerHealthRoutes(routes, deps.db);
    registerMetricsRoutes(routes, config);
    registerVerificationRoutes(routes, deps, deps.rateLimiter);
    registerDistributionRoutes(routes, deps);
    registerPublishRoutes(routes, deps);
    registerAreaRoutes(routes);
    registerAdoptionReportRoutes(routes, deps);
    registerDeclarationRoutes(routes, deps, deps.rateLimiter);
    registerConsoleRoutes(routes, deps, [...adoptionConsoleModules(deps), declarationConsoleRoutes(deps)]);
  });
  if (deps.webApp) registerWebApp(app, deps.webApp);
  if (deps.webConsole) registerWebConsole(app, deps.webConsole);
  return app;
}
