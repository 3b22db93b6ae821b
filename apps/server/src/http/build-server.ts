import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../database/database.types.js';
import { registerVerificationRoutes } from '../verification/verification.routes.js';
import type { VerificationDeps } from '../verification/verification.types.js';
import { installErrorHandler } from './error-handler.js';
import { registerHealthRoutes } from './health.routes.js';
import type { RateLimiter } from './rate-limiter.js';
import type { BluezoneServer } from './server.types.js';

export interface ServerDeps extends VerificationDeps {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  readonly rateLimiter: RateLimiter;
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
  registerHealthRoutes(app, deps.db);
  registerVerificationRoutes(app, deps, deps.rateLimiter);
  return app;
}
