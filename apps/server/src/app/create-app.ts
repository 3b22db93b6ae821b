import type { Config } from '../config/config.types.js';
import { buildServer } from '../http/build-server.js';
import { createInMemoryRateLimiter } from '../http/rate-limiter.js';
import type { BluezoneServer } from '../http/server.types.js';
import { type Core, type CoreOptions, openCore } from './open-core.js';

export interface App {
  readonly core: Core;
  readonly server: BluezoneServer;
  /** Stops accepting requests, lets running ones finish, closes the database. */
  close(): Promise<void>;
}

/** The whole server in one process, not yet listening. */
export async function createApp(config: Config, options: CoreOptions = {}): Promise<App> {
  const core = await openCore(config, options);
  const rateLimiter = createInMemoryRateLimiter(config.verifyRateLimit, config.rateLimitWindow, core.clock);
  const server = buildServer({ ...core, rateLimiter });
  let closing: Promise<void> | undefined;
  return {
    core,
    server,
    close: () => {
      closing ??= server.close().then(() => core.close());
      return closing;
    },
  };
}

/** Creates the app and listens on `config.host:config.port`; returns the app and its address. */
export async function startServer(
  config: Config,
  options: CoreOptions = {},
): Promise<{ app: App; address: string }> {
  const app = await createApp(config, options);
  try {
    const address = await app.server.listen({ port: config.port, host: config.host });
    return { app, address };
  } catch (error) {
    await app.close();
    throw error;
  }
}
