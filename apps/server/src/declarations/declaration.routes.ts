import { DeclarationReceivedSchema, DeclarationRequestSchema } from '@bluezone/api';
import type { FastifyRequest } from 'fastify';
import { utcDay } from '../adoption/adoption-areas.js';
import { AppError } from '../errors/app-error.js';
import { callerOf, requireApiKey } from '../http/api-key-auth.js';
import { clientGroup } from '../http/client-group.js';
import { ERROR_RESPONSES } from '../http/openapi.js';
import { errorList } from '../http/openapi-routes.js';
import { type RateLimiter, takeOrRefuse } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import { createApiKeyRepository } from '../repositories/api-key.repository.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createDeclarationRepository } from './declaration.repository.js';
import { checkExposureDate, normalisePhone, provinceOrNull } from './declaration-validation.js';

const ERRORS = errorList([
  'unparsable_request',
  'invalid_request',
  'body_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'invalid_phone',
  'invalid_exposure_date',
  'unknown_province',
]);

/** Declarations share `/api/verify`'s shared limiter (per API key and client address group), under their own key. */
function limitDeclarations(limiter: RateLimiter) {
  return (request: FastifyRequest): Promise<void> =>
    takeOrRefuse(limiter, `declaration|${callerOf(request).apiKeyId}|${clientGroup(request.ip)}`);
}

/**
 * `POST /api/declarations` (device API key): an F1/F2 person's declaration, sent from the app's
 * warning screen when they press send. Stored with its personal data encrypted, the UTC day only, no
 * address, no device identifier, no link to keys (docs/privacy.md "Declarations").
 */
export function registerDeclarationRoutes(app: BluezoneServer, deps: ServerDeps, limiter: RateLimiter): void {
  const repository = createDeclarationRepository(deps.db, deps.keys);
  const authorities = createAuthorityRepository(deps.db);
  const requireDevice = requireApiKey('device', createApiKeyRepository(deps.db), deps.keys);

  app.post(
    '/api/declarations',
    {
      preHandler: [requireDevice, limitDeclarations(limiter)],
      schema: {
        tags: ['declarations: app'],
        security: [{ deviceApiKey: [] }],
        summary: 'Send an F1/F2 declaration (name, phone, address) to the health authority',
        description: `Sent only when the person presses send on the warning screen. The name, phone, address and note are stored encrypted (AES-256-GCM) and deleted after \`BLUEZONE_DECLARATION_RETENTION\` (30 days); only the UTC day of receipt is kept. Read by the console's national, provincial and case-worker users. ${ERRORS}`,
        body: DeclarationRequestSchema,
        response: { 201: DeclarationReceivedSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const now = deps.clock.now();
      const phone = normalisePhone(body.phone);
      const exposureDate = checkExposureDate(body.exposureDate, now);
      const province = provinceOrNull(body.province);
      const authority = await authorities.findById(callerOf(request).healthAuthorityId);
      if (!authority) throw new AppError('unauthorized');
      const note = body.note?.trim();
      await repository.insert({
        receivedDay: utcDay(now),
        region: authority.region,
        province,
        level: body.level,
        exposureDate,
        personal: {
          name: body.name.trim() || body.name,
          phone,
          address: body.address.trim(),
          note: note ? note : null,
        },
      });
      return reply.status(201).send({ received: true as const });
    },
  );
}
