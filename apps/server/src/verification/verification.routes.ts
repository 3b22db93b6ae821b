import { requireApiKey } from '../http/api-key-auth.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import { createApiKeyRepository } from '../repositories/api-key.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { registerCodeIssueRoutes } from './code-issue.routes.js';
import { registerCodeRedeemRoutes } from './code-redeem.routes.js';

/** The verification API (docs/protocol.md §5), with Google's verification server's routes and fields. */
export function registerVerificationRoutes(
  app: BluezoneServer,
  deps: ServerDeps,
  limiter: RateLimiter,
): void {
  const apiKeys = createApiKeyRepository(deps.db);
  registerCodeIssueRoutes(app, deps, requireApiKey('admin', apiKeys, deps.keys));
  registerCodeRedeemRoutes(app, deps, requireApiKey('device', apiKeys, deps.keys), limiter);
}
