import type { Logger } from 'pino';
import { type Clock, systemClock } from '../clock.js';
import type { Config } from '../config/config.types.js';
import { deriveServerKeys, loadServerSecret } from '../crypto/server-keys.js';
import { createSigningKeyService } from '../crypto/signing-key.service.js';
import type { DatabaseHandle } from '../database/database.types.js';
import { migrate } from '../database/migrate.js';
import { type DatabaseLocation, openDatabase } from '../database/open-database.js';
import { createLogger } from '../http/logger.js';
import { createSigningKeyRepository } from '../repositories/signing-key.repository.js';
import type { VerificationDeps } from '../verification/verification.types.js';

export interface CoreOptions {
  readonly clock?: Clock;
  /** Defaults to `DATABASE_URL`, else PGlite in the data directory. */
  readonly location?: DatabaseLocation;
  /** Defaults to `BLUEZONE_SECRET`, else `<dataDir>/secret.key`. */
  readonly secret?: Uint8Array;
  readonly logger?: Logger;
}

export interface Core extends VerificationDeps {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  close(): Promise<void>;
}

export function databaseLocation(config: Config): DatabaseLocation {
  return config.databaseUrl
    ? { kind: 'url', url: config.databaseUrl }
    : { kind: 'directory', dataDir: config.dataDir };
}

/**
 * Everything but HTTP: opens and migrates the database, loads the server secret and the signing keys.
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
      logger,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
