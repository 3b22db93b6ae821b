import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerKeys } from '../crypto/server-keys.js';
import { AppError } from '../errors/app-error.js';
import type { ApiKeyRepository, ApiKeyType } from '../repositories/api-key.repository.js';
import type { Caller } from '../server-env/server-deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export const API_KEY_HEADER = 'x-api-key';

/**
 * A preHandler that admits only requests carrying an active API key of `type` in `X-API-Key`, and
 * records the caller (key and health authority) on the request.
 */
export function requireApiKey(type: ApiKeyType, repository: ApiKeyRepository, keys: ServerKeys) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers[API_KEY_HEADER];
    if (typeof header !== 'string' || header.length === 0 || header.length > 256)
      throw new AppError('unauthorized');
    const key = await repository.findActiveByHmac(keys.apiKeyHmac(header));
    if (!key) throw new AppError('unauthorized');
    if (key.type !== type) throw new AppError('forbidden', `This route needs a ${type} API key.`);
    request.caller = { apiKeyId: key.id, healthAuthorityId: key.healthAuthorityId };
  };
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('unauthorized');
  return request.caller;
}
