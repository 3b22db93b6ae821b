import type { BlobStore } from '../blobstore/blob-store.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/config.types.js';
import type { ServerKeys } from '../crypto/server-keys.js';
import type { SigningKeyService } from '../crypto/signing-key.service.js';
import type { Database } from '../database/database.types.js';
import type { BluezoneMetrics } from '../metrics/bluezone-metrics.js';

/**
 * What every domain of the server gets, built once by the app (app/open-core.ts) and passed in:
 * nothing is looked up through the configuration object.
 */
export interface ServerDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: Config;
  readonly keys: ServerKeys;
  readonly signingKeys: SigningKeyService;
  /** This app's metrics (one set per app, so tests that run several apps in one process keep them apart). */
  readonly metrics: BluezoneMetrics;
  /** Where export files go: the export worker writes, the distribution and statistics routes read. */
  readonly blobStore: BlobStore;
}

/** The caller, from its API key: every code, token and quota belongs to one health authority. */
export interface Caller {
  readonly apiKeyId: string;
  readonly healthAuthorityId: string;
}
