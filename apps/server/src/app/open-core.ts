import type { Logger } from 'pino';
import type { BlobStore } from '../blobstore/blob-store.js';
import { openBlobStore } from '../blobstore/open-blob-store.js';
import { type Clock, systemClock } from '../clock.js';
import type { Config } from '../config/config.types.js';
import { deriveServerKeys, loadServerSecret } from '../crypto/server-keys.js';
import { createSigningKeyRepository } from '../crypto/signing-key.repository.js';
import { createSigningKeyService } from '../crypto/signing-key.service.js';
import type { DatabaseHandle } from '../database/database.types.js';
import { migrate } from '../database/migrate.js';
import { type DatabaseLocation, type DatabasePooler, openDatabase } from '../database/open-database.js';
import { createLogger } from '../http/logger.js';
import { createBluezoneMetrics } from '../metrics/bluezone-metrics.js';
import type { ServerDeps } from '../server-env/server-deps.js';

export interface CoreOptions {
  readonly clock?: Clock;
  /** Defaults to `DATABASE_URL`, else PGlite in the data directory. */
  readonly location?: DatabaseLocation;
  /** Defaults to `BLUEZONE_SECRET`, else `<dataDir>/secret.key`. */
  readonly secret?: Uint8Array;
  readonly logger?: Logger;
  /** Where export files go; defaults to `BLUEZONE_BLOB_URL`, else the filesystem in the data dir. */
  readonly blobStore?: BlobStore;
}

export interface Core extends ServerDeps {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  close(): Promise<void>;
}

export function databaseLocation(config: Config): DatabaseLocation {
  return config.databaseUrl
    ? { kind: 'url', url: config.databaseUrl, pooler: config.databasePooler as DatabasePooler }
    : { kind: 'directory', dataDir: config.dataDir };
}

/**
 * Everything but HTTP: opens and migrates the database, loads the server secret and the signing keys,
 * opens the blob store and makes this app's metrics: the `ServerDeps` every domain is given.
 * Used by the server and by `bluezone admin init`.
 */
export async function openCore(config: Config, options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const keys = deriveServerKeys(options.secret ?? loadServerSecret(config.secret, config.dataDir));
  const database = await openDatabase(options.location ?? databaseLocation(config));
  try {
    const applied = await migrate(database);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    const signingKeys = createSigningKeyService(createSigningKeyRepository(database.db), keys);
    await signingKeys.prepareServerKeys(clock.now());
    return {
      database,
      db: database.db,
      clock,
      config,
      keys,
      signingKeys,
      metrics: createBluezoneMetrics(),
      blobStore: options.blobStore ?? openBlobStore(config),
      logger,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
