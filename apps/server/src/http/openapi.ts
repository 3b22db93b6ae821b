import { ErrorResponseSchema } from '@bluezone/api';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { API_KEY_HEADER } from './api-key-auth.js';
import { documentRoute, sortDocument } from './openapi-routes.js';

/** Every route's error answers: `{error, errorCode}` (codes and statuses in @bluezone/api). */
export const ERROR_RESPONSES = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };

export const OPENAPI_JSON_PATH = '/docs/json';

/**
 * The OpenAPI 3 document, built from the routes' TypeBox schemas, at `/docs/json`, and Swagger UI at
 * `/docs` from the files bundled in @fastify/swagger-ui (no network needed). Call on the root instance
 * before registering routes (directly, not wrapped in a plugin, so its route hook sees every route).
 */
export function registerOpenApi(app: FastifyInstance): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Bluezone national backend',
        version: '0.1.0',
        description:
          "Bluezone's key server: verification (compatible with Google's verification server, docs/protocol.md §5), publishing keys (§6), distribution of export files, operations. Error codes and their statuses: docs/api.md.",
      },
      components: {
        securitySchemes: {
          adminApiKey: {
            type: 'apiKey',
            in: 'header',
            name: API_KEY_HEADER,
            description: "A health authority's admin API key (`bluezone admin init`): issuing codes.",
          },
          deviceApiKey: {
            type: 'apiKey',
            in: 'header',
            name: API_KEY_HEADER,
            description:
              "A health authority's device API key, public inside the app: redeeming codes, declarations.",
          },
          consoleSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'bz_session', // accounts/session-cookie.ts (http is below accounts)
            description: 'The console session `POST /console/api/session` sets.',
          },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: "The session's CSRF token (sign-in answer), on every console request but GET.",
          },
          metricsToken: { type: 'http', scheme: 'bearer', description: 'BLUEZONE_METRICS_TOKEN' },
        },
      },
    },
    // Summaries, tags, error codes and the distribution answers from openapi-routes.ts; paths sorted,
    // so the document is the same text every time (docs/openapi.json is this document, committed).
    transform: ({ schema, url, route }) => ({
      schema: documentRoute(
        String(route.method),
        route.url,
        schema as Record<string, unknown>,
      ) as typeof schema,
      url,
    }),
    transformObject: (document) =>
      sortDocument(
        ('openapiObject' in document ? document.openapiObject : document.swaggerObject) as Record<
          string,
          unknown
        >,
      ) as never,
  });
  app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
