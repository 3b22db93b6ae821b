import type { BlobStore } from '../blobstore/blob-store.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config/load-config.js';
import { deriveServerKeys } from '../crypto/server-keys.js';
import type { SigningKeyService } from '../crypto/signing-key.service.js';
import type { Database, DatabaseHandle } from '../database/database.types.js';
import { createLogger } from '../http/logger.js';
import { createInMemoryRateLimiter } from '../http/rate-limiter.js';
import { createBluezoneMetrics } from '../metrics/bluezone-metrics.js';
import { buildServer } from './build-server.js';

/** The database, signing keys and blob store of the document-only server: never reached, as no request is made. */
const unreachable = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(`the OpenAPI document server has no database (${String(property)})`);
    },
  },
);

/**
 * The OpenAPI document the server serves at `/docs/json`, built from the route schemas alone (no
 * database, no listening socket, default configuration): what scripts/generators/openapi.mjs writes
 * to docs/openapi.json.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const config = loadConfig({ BLUEZONE_LOG_LEVEL: 'silent' });
  const server = buildServer({
    db: unreachable as Database,
    database: unreachable as DatabaseHandle,
    signingKeys: unreachable as SigningKeyService,
    clock: systemClock,
    metrics: createBluezoneMetrics(),
    blobStore: unreachable as BlobStore,
    config,
    keys: deriveServerKeys(new Uint8Array(32)),
    logger: createLogger('silent'),
    rateLimiter: createInMemoryRateLimiter(config.verifyRateLimit, config.rateLimitWindow, systemClock),
  });
  try {
    await server.ready();
    return server.swagger();
  } finally {
    await server.close();
  }
}

/** The committed form: two-space indented JSON with a final newline. */
export const formatOpenApiDocument = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
