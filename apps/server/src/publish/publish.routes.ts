import {
  CHAFF_HEADER,
  MAX_PUBLISH_BODY_BYTES,
  PublishRequestSchema,
  PublishResponseSchema,
} from '@bluezone/api';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { classifyError, logError } from '../http/error-handler.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { BluezoneMetrics } from '../metrics/bluezone-metrics.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createPublishService } from './publish.service.js';
import { chaffAnswer, publishPadding } from './publish-padding.js';

const isChaff = (request: FastifyRequest) => request.headers[CHAFF_HEADER] !== undefined;

/**
 * Errors of the publish route answer in the publish shape (`{error, code, padding}`, Google's field
 * names) and are padded like successes. A chaff request is answered as a success whatever it holds,
 * except when it is too large, like a real one.
 */
function publishErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  metrics: BluezoneMetrics,
) {
  const { code, message } = classifyError(error);
  if (isChaff(request) && code !== 'body_too_large') return reply.status(200).send(chaffAnswer(undefined));
  metrics.publishRejected.inc({ error_code: code });
  const status = logError(error, code, request);
  return reply.status(status).send({ error: message, code, padding: publishPadding() });
}

/** `POST /v1/publish`: no API key, the verification certificate is the permission (docs/protocol.md §6). */
export function registerPublishRoutes(app: BluezoneServer, deps: ServerDeps): void {
  const publish = createPublishService(deps);
  app.post(
    '/v1/publish',
    {
      bodyLimit: MAX_PUBLISH_BODY_BYTES,
      errorHandler: (error, request, reply) => publishErrorHandler(error, request, reply, deps.metrics),
      schema: {
        summary: 'Publish temporary exposure keys with a verification certificate',
        tags: ['publish'],
        body: PublishRequestSchema,
        response: { 200: PublishResponseSchema, '4xx': PublishResponseSchema },
      },
    },
    async (request) => {
      if (isChaff(request)) return chaffAnswer(request.body);
      const answer = await publish(request.body);
      return { ...answer, padding: publishPadding() };
    },
  );
}
