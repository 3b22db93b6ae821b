// @bluezone/server — the national backend: verification API (this version), later publishing, exports
// and their distribution. The CLI starts it with `bluezone server` and provisions it with `bluezone admin init`.

export {
  ConsoleError,
  type ConsoleUserView,
  createConsoleAccount,
  ensureDemoAccount,
  type NewConsoleAccount,
} from './accounts/index.js';
export { type AdminInitResult, initHealthAuthority } from './admin/admin-init.service.js';
export { type App, createApp, startServer } from './app/create-app.js';
export { type Core, type CoreOptions, openCore } from './app/open-core.js';
export { runServerBench, type ServerBenchResult } from './bench/server-bench.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { type Config, ConfigError, loadConfig } from './config/index.js';
export { buildServer } from './http/build-server.js';
export { createLogger } from './http/logger.js';
export type { BluezoneServer } from './http/server.types.js';
export { appConfigOf, SERVER_APP_FEATURES } from './web/app-config.js';
export { registerWebApp, type WebAppOptions } from './web/web-app.routes.js';
export { registerWebConsole, type WebConsoleOptions } from './web/web-console.routes.js';
