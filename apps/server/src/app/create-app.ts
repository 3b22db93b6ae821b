import type { BlobStore } from '../blobstore/blob-store.js';
import type { Config } from '../config/config.types.js';
import { createExportService, type ExportPassResult } from '../export/export.service.js';
import { rotateRegionExportKey } from '../export/export-signers.js';
import type { BluezoneServer } from '../http/server.types.js';
import { createSharedRateLimiter } from '../rate-limits/shared-rate-limiter.js';
import { createCleanupService } from '../retention/cleanup.service.js';
import {
  createTraceWarningExportService,
  type TraceWarningPassResult,
} from '../venues/trace-warning-export.service.js';
import type { WebAppOptions } from '../web/web-app.routes.js';
import type { WebConsoleOptions } from '../web/web-console.routes.js';
import { adoptionCounterOf, buildServer } from './build-server.js';
import { type Core, type CoreOptions, openCore } from './open-core.js';
import { startPeriodicJob } from './periodic-job.js';

export interface AppOptions extends CoreOptions {
  /** Serves the citizen app's build at `/app/` and its configuration at `/app/config.json`. */
  readonly webApp?: WebAppOptions;
  /** Serves the health-authority console's build at `/console/` (its API is at `/console/api/`). */
  readonly webConsole?: WebConsoleOptions;
}

export interface App {
  readonly core: Core;
  /** The blob store the export worker writes and the distribution routes read. */
  readonly blobStore: BlobStore;
  /** One export pass now (what the scheduled worker does, and `bluezone export run`). */
  runExportPass(signal?: AbortSignal): Promise<ExportPassResult>;
  /** One trace warning pass now: the packages of the hours that ended (docs/checkin.md). */
  runTraceWarningPass(signal?: AbortSignal): Promise<TraceWarningPassResult>;
  /**
   * Makes a new export signing key version for the region and makes it the active one (docs/operations.md);
   * undefined when the region has no health authority.
   */
  rotateExportSigningKey(
    region: string,
  ): Promise<{ keyId: string; keyVersion: string; publicKeyPem: string } | undefined>;
  readonly server: BluezoneServer;
  /** Writes the adoption reports this process holds in memory now (they are written every few seconds anyway). */
  flushCounts(): Promise<void>;
  /** Stops accepting requests, lets running ones finish, closes the database. */
  close(): Promise<void>;
}

/** The whole server in one process, not yet listening. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const core = await openCore(config, options);
  const { blobStore } = core;
  // Code guessing and declarations: one sliding limit shared by every process (docs/security.md).
  const rateLimiter = createSharedRateLimiter(core.db, core.keys, core.clock, {
    scope: 'verify',
    limit: config.verifyRateLimit,
    windowMs: config.rateLimitWindow,
  });
  const adoptionCounter = adoptionCounterOf(core);
  const server = buildServer({
    ...core,
    rateLimiter,
    adoptionCounter,
    webApp: options.webApp,
    webConsole: options.webConsole,
  });
  const exporter = createExportService(core, blobStore);
  const traceWarnings = createTraceWarningExportService(core, blobStore);
  let closing: Promise<void> | undefined;
  return {
    core,
    blobStore,
    runExportPass: (signal) => exporter.runPass(signal),
    runTraceWarningPass: (signal) => traceWarnings.runPass(signal),
    rotateExportSigningKey: (region) => rotateRegionExportKey(core, region),
    server,
    flushCounts: () => adoptionCounter.flush(),
    close: () => {
      closing ??= server.close().then(() => core.close());
      return closing;
    },
  };
}

/**
 * Creates the app, listens on `config.host:config.port` and starts the periodic jobs (retention
 * cleanup, the export worker every `BLUEZONE_EXPORT_INTERVAL`); `close` (SIGINT, SIGTERM) stops
 * accepting and stops the jobs, then closes the database. Returns the app and its address.
 */
export async function startServer(
  config: Config,
  options: AppOptions = {},
): Promise<{ app: App; address: string }> {
  const app = await createApp(config, options);
  let address: string;
  try {
    address = await app.server.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const cleanup = startPeriodicJob(
    'cleanup',
    config.cleanupInterval,
    createCleanupService(app.core),
    app.core.logger,
  );
  const exports = startPeriodicJob('export', config.exportInterval, app.runExportPass, app.core.logger);
  // Trace warning packages are hourly; a pass between two hour ends finds nothing to write.
  const warnings = startPeriodicJob(
    'trace-warnings',
    config.exportInterval,
    app.runTraceWarningPass,
    app.core.logger,
  );
  let closing: Promise<void> | undefined;
  // At once: stop accepting connections (requests in flight finish, new ones on kept-alive
  // connections get 503) and stop the jobs (the export pass ends after the batch in hand); the
  // database closes only when all of that is done.
  const close = () => {
    closing ??= Promise.all([app.server.close(), cleanup.stop(), exports.stop(), warnings.stop()]).then(() =>
      app.close(),
    );
    return closing;
  };
  return { app: { ...app, close }, address };
}
