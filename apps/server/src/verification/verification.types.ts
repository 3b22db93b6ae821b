import type { Clock } from '../clock.js';
import type { Config } from '../config/config.types.js';
import type { ServerKeys } from '../crypto/server-keys.js';
import type { SigningKeyService } from '../crypto/signing-key.service.js';
import type { Database } from '../database/database.types.js';

/** What the verification services need; built once by the app and shared. */
export interface VerificationDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: Config;
  readonly keys: ServerKeys;
  readonly signingKeys: SigningKeyService;
}

/** The caller, from its API key: every code, token and quota belongs to one health authority. */
export interface Caller {
  readonly apiKeyId: string;
  readonly healthAuthorityId: string;
}
