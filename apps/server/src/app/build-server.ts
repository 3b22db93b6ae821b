import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import { type AdoptionCounter, createAdoptionCounter } from '../adoption/adoption-report.repository.js';
import { registerAdoptionReportRoutes } from '../adoption/adoption-report.routes.js';
import { registerAreaRoutes } from '../areas/areas.routes.js';
import { knownInviteCodes } from '../campaigns/campaign-lookups.js';
import type { DatabaseHandle } from '../database/database.types.js';
import { registerDeclarationRoutes } from '../declarations/declaration.routes.js';
import { declarationConsoleRoutes } from '../declarations/declaration-console.routes.js';
import { registerDistributionRoutes } from '../distribution/distribution.routes.js';
import { frameworkErrors, installErrorHandler } from '../http/error-handler.js';
import { closeConnectionsOnShutdown } from '../http/graceful-close.js';
import { registerHealthRoutes } from '../http/health.routes.js';
import { installMetricsHooks, registerMetricsRoutes } from '../http/metrics.routes.js';
import { registerOpenApi } from '../http/openapi.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import { registerPublishRoutes } from '../publish/publish.routes.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createDownloadCounter } from '../statistics/download-counter.js';
import { registerCheckInRoutes, venueConsoleModules } from '../venues/venue-modules.js';
import { registerVerificationRoutes } from '../verification/verification.routes.js';
import { registerWebApp, type WebAppOptions } from '../web/web-app.routes.js';
import { registerWebConsole, type WebConsoleOptions } from '../web/web-console.routes.js';
import { registerConsoleRoutes } from './console.routes.js';
import { adoptionConsoleModules } from './console-modules.js';

/** What the HTTP server is built from: the domains' deps plus the process's logger and rate limiter. */
export interface BuildServerDeps extends ServerDeps {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  readonly rateLimiter: RateLimiter;
  /** The citizen app at `/app/` (apps/server/src/web). */
  readonly webApp?: WebAppOptions | undefined;
  /** The health-authority console at `/console/` (apps/server/src/web). */
  readonly webConsole?: WebConsoleOptions | undefined;
  /** This process's adoption counters (made here when not given); closing the server writes them. */
  readonly adoptionCounter?: AdoptionCounter | undefined;
}

/** The adoption counters of one process, written every `BLUEZONE_ADOPTION_FLUSH_INTERVAL`. */
export function adoptionCounterOf(deps: Pick<BuildServerDeps, 'db' | 'config' | 'logger'>): AdoptionCounter {
  return createAdoptionCounter(deps.db, deps.config.adoptionFlushInterval, (error) =>
    deps.logger.warn({ err: error }, 'adoption counts not written yet; kept for the next try'),
  );
}

/**
 * The HTTP API as a Fastify instance (not listening): tests drive it with `inject()`, `startServer`
 * listens. Request logging is Bluezone's own (method, route, status, time): never the client's address.
 */
export function buildServer(deps: BuildServerDeps): BluezoneServer {
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
  installMetricsHooks(app, deps.metrics);
  closeConnectionsOnShutdown(app);
  // Adoption reports are counted in memory and written every few seconds (hot rows at 50 M a day);
  // the console reads what this process holds first, and closing writes the rest.
  const adoptionCounter = deps.adoptionCounter ?? adoptionCounterOf(deps);
  app.addHook('onClose', () => adoptionCounter.close());
  // Export downloads, counted the same way (statistics).
  const downloads = createDownloadCounter(deps.db);
  app.addHook('onClose', () => downloads.close());
  // The OpenAPI plugin first, then the routes in a plugin of their own, so the document sees them all.
  registerOpenApi(app);
  app.register(async (scope) => {
    const routes = scope.withTypeProvider<TypeBoxTypeProvider>();
    scope.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/console/api/')) await adoptionCounter.flush().catch(() => undefined);
    });
    registerHealthRoutes(routes, deps.db);
    registerMetricsRoutes(routes, config, deps.metrics);
    registerVerificationRoutes(routes, deps, deps.rateLimiter);
    registerDistributionRoutes(routes, deps, downloads);
    registerPublishRoutes(routes, deps);
    registerAreaRoutes(routes);
    registerAdoptionReportRoutes(routes, deps, knownInviteCodes(deps.db), adoptionCounter);
    registerDeclarationRoutes(routes, deps, deps.rateLimiter);
    registerCheckInRoutes(routes, deps);
    registerConsoleRoutes(routes, deps, [
      ...adoptionConsoleModules(deps, downloads),
      declarationConsoleRoutes(deps),
      ...venueConsoleModules(deps),
    ]);
  });
  if (deps.webApp) registerWebApp(app, deps.webApp);
  if (deps.webConsole) registerWebConsole(app, deps.webConsole);
  return app;
}
