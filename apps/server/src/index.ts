// @bluezone/server — the national backend: verification (codes, tokens, certificates), key publishing,
// signed export batches and their distribution, the citizen app's configuration and notices, and the
// health authority's console API (accounts, codes, adoption, campaigns, declarations, statistics).
// Assembled in app/ (open-core.ts, build-server.ts, create-app.ts); the layers are in README.md here.
// The CLI starts it with `bluezone server` and provisions it with `bluezone admin init`.

export { ConsoleError, type ConsoleUserView } from './accounts/index.js';
export { type AdminInitResult, initHealthAuthority } from './app/admin-init.service.js';
export { buildServer } from './app/build-server.js';
export { type App, createApp, startServer } from './app/create-app.js';
export { createConsoleAccount, ensureDemoAccount, type NewConsoleAccount } from './app/demo-account.js';
export { type Core, type CoreOptions, openCore } from './app/open-core.js';
export {
  type PhoneDayServerResult,
  type PhoneDaySet,
  runPhoneDayBench,
} from './bench/phone-day-bench.js';
export { runServerBench, type ServerBenchResult } from './bench/server-bench.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { type Config, ConfigError, loadConfig } from './config/index.js';
export { createLogger } from './http/logger.js';
export type { BluezoneServer } from './http/server.types.js';
export {
  freePort,
  type PostgresCluster,
  startPostgresCluster,
} from './testing/postgres-cluster.js';
export { appConfigOf, appConfigProblem, SERVER_APP_FEATURES } from './web/app-config.js';
export { registerWebApp, type WebAppOptions } from './web/web-app.routes.js';
export { registerWebConsole, type WebConsoleOptions } from './web/web-console.routes.js';
