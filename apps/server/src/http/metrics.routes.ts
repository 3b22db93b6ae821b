import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config/config.types.js';
import { AppError } from '../errors/app-error.js';
import type { BluezoneMetrics } from '../metrics/bluezone-metrics.js';
import { METRICS_CONTENT_TYPE } from '../metrics/registry.js';
import { ERROR_RESPONSES } from './openapi.js';
import { errorList } from './openapi-routes.js';
import type { BluezoneServer } from './server.types.js';

/** A request no route matched: one label value, so probing random paths adds no series. */
const UNMATCHED = '(unmatched)';

/**
 * Counts every answer of the server (also 404s of unknown paths): call on the root instance before
 * the routes are registered. Only the method, the route template and the status go into labels.
 */
export function installMetricsHooks(app: FastifyInstance, metrics: BluezoneMetrics): void {
  const open = new WeakSet<FastifyRequest>();
  const done = (request: FastifyRequest) => {
    if (!open.delete(request)) return false;
    metrics.httpInFlight.add(-1);
    return true;
  };
  app.addHook('onRequest', async (request) => {
    open.add(request);
    metrics.httpInFlight.add(1);
  });
  app.addHook('onRequestAbort', async (request) => {
    done(request);
  });
  app.addHook('onResponse', async (request, reply) => {
    done(request);
    const route = request.routeOptions.url ?? UNMATCHED;
    const method = request.method;
    const status = reply.statusCode;
    metrics.httpRequests.inc({ method, route, status_class: `${Math.floor(status / 100)}xx` });
    metrics.httpDuration.observe({ method, route }, reply.elapsedTime / 1000);
    if (status >= 500) metrics.httpErrors.inc({ route });
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` in the Prometheus text format, for a scraper that sends
 * `Authorization: Bearer <BLUEZONE_METRICS_TOKEN>`. Without the setting it answers 404, as for a
 * route that does not exist.
 */
export function registerMetricsRoutes(app: BluezoneServer, config: Config, metrics: BluezoneMetrics): void {
  const expected = config.metricsToken === undefined ? undefined : digest(`Bearer ${config.metricsToken}`);
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics (text exposition format 0.0.4)',
        description: `Counters, gauges and histograms of this process (docs/api.md, Operations). Needs \`Authorization: Bearer <BLUEZONE_METRICS_TOKEN>\`: \`unauthorized\` without it, \`not_found\` when the setting is unset. ${errorList(['not_found', 'unauthorized'])}`,
        tags: ['operations'],
        security: [{ metricsToken: [] }],
        response: {
          200: Type.String({ description: `The exposition, as \`${METRICS_CONTENT_TYPE}\`.` }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      if (!expected) throw new AppError('not_found');
      const given = digest(request.headers.authorization ?? '');
      if (!timingSafeEqual(given, expected))
        throw new AppError('unauthorized', 'The Authorization header is missing or wrong.');
      return reply
        .header('content-type', METRICS_CONTENT_TYPE)
        .header('cache-control', 'no-store')
        .send(metrics.registry.render());
    },
  );
}
