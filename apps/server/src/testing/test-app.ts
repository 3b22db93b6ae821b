import { Writable } from 'node:stream';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { type App, type AppOptions, createApp } from '../app/create-app.js';
import { ManualClock } from '../clock.js';
import type { Config } from '../config/config.types.js';
import { loadConfig } from '../config/load-config.js';
import type { DatabaseLocation } from '../database/open-database.js';
import { createLogger } from '../http/logger.js';

/**
 * A server with a hand-driven clock; log lines are kept for inspection. The database is in-memory
 * PGlite unless a location is given (e.g. from `forEachDatabase`, which covers real PostgreSQL too).
 */
export interface TestApp {
  readonly app: App;
  readonly clock: ManualClock;
  readonly config: Config;
  readonly logs: string[];
  /** Provisions a fresh health authority (a new region per test keeps tests apart) and returns its keys. */
  provision(region?: string): Promise<{ adminKey: string; deviceKey: string; healthAuthorityId: string }>;
  post(
    url: string,
    apiKey: string | undefined,
    body: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
}

let regions = 0;

export async function createTestApp(
  env: Record<string, string> = {},
  location: DatabaseLocation = { kind: 'memory' },
  options: Pick<AppOptions, 'blobStore'> = {},
): Promise<TestApp> {
  // No background planning unless a test asks for it (docs/planner.md, "In the console").
  const config = loadConfig({ BLUEZONE_LOG_LEVEL: 'info', BLUEZONE_PLANNER_WORKER: 'false', ...env });
  const clock = new ManualClock();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await createApp(config, {
    ...options,
    clock,
    location,
    secret: new Uint8Array(32).fill(7),
    logger: createLogger('info', sink),
  });
  return {
    app,
    clock,
    config,
    logs,
    async provision(region) {
      regions++;
      const result = await initHealthAuthority(
        app.core,
        region ?? `T${String.fromCharCode(65 + (regions % 26))}-${regions}`,
      );
      if (!result.adminApiKey || !result.deviceApiKey) throw new Error('region was already provisioned');
      return {
        adminKey: result.adminApiKey,
        deviceKey: result.deviceApiKey,
        healthAuthorityId: result.healthAuthorityId,
      };
    },
    async post(url, apiKey, body) {
      const response = await app.server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.statusCode, json: response.json() as Record<string, unknown> };
    },
  };
}
