import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@bluezone/api';
import { parsePublicKeyPem } from '@bluezone/protocol';
import type { App, BluezoneServer } from '@bluezone/server';
import type { SimClock, SimServer } from '@bluezone/sim';
import { serverConfig } from '../admin/server-config.js';

/** A server started for a simulation: on the simulation's clock, on loopback, provisioned. */
export interface EmbeddedServer extends SimServer {
  /** The server itself (its core: database, keys, clock), for `npm start`'s demo account. */
  readonly app: App;
  close(): Promise<void>;
}

/**
 * Starts the real server in this process with the simulation's clock (so that keys, embargoes and
 * export windows follow simulated time), its own database (PGlite in `dataDir`, a fresh temporary
 * directory by default, or DATABASE_URL) and a health authority for `region`. Phones reach it over
 * HTTP only; the simulator runs export passes through `runExportPass`.
 */
export async function startEmbeddedServer(
  clock: SimClock,
  options: {
    dataDir?: string;
    region?: string;
    port?: number;
    env?: Record<string, string>;
    /** Registers more routes (the demo air) before the server listens. */
    routes?: (server: BluezoneServer) => void;
    /** The citizen app's build, served at /app/ with its configuration (this server's). */
    webApp?: { dir: string; demoAirUrl?: string };
    /** The console's build, served at /console/. */
    webConsole?: { dir: string };
  },
): Promise<EmbeddedServer> {
  const { createApp, createLogger, initHealthAuthority, SERVER_APP_FEATURES } = await import(
    '@bluezone/server'
  );
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bluezone-sim-'));
  const region = options.region ?? 'VN';
  const config = await serverConfig({
    BLUEZONE_DATA_DIR: dataDir,
    BLUEZONE_LOG_LEVEL: 'warn',
    BLUEZONE_REGION: region,
    // Every simulated phone shares one device key and one loopback address.
    BLUEZONE_VERIFY_RATE_LIMIT: '10000',
    BLUEZONE_DAILY_ISSUE_QUOTA: '1000000',
    ...options.env,
  });
  let appConfig: AppConfig | undefined;
  const web = options.webApp;
  const app = await createApp(config, {
    clock,
    logger: createLogger('warn', process.stderr),
    ...(web ? { webApp: { dir: web.dir, config: () => appConfig } } : {}),
    ...(options.webConsole ? { webConsole: options.webConsole } : {}),
  });
  try {
    options.routes?.(app.server);
    const baseUrl = await app.server.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    const authority = await initHealthAuthority(app.core, region);
    const existing = !authority.adminApiKey || !authority.deviceApiKey;
    if (existing)
      throw new Error(`region ${region} was already provisioned in ${dataDir}; use a fresh --data-dir`);
    // What the app in a browser needs, with URLs relative to the page (same origin).
    appConfig = {
      region,
      healthAuthorityId: authority.healthAuthorityId,
      deviceApiKey: authority.deviceApiKey as string,
      verificationUrl: '/',
      keyServerUrl: '/',
      exportPublicKeys: [
        {
          keyId: authority.exportSigning.keyId,
          keyVersion: authority.exportSigning.keyVersion,
          publicKeyPem: authority.exportSigning.publicKeyPem,
        },
      ],
      ...(web?.demoAirUrl ? { demoAir: { url: web.demoAirUrl } } : {}),
      features: SERVER_APP_FEATURES,
    };
    return {
      app,
      baseUrl,
      region,
      healthAuthorityId: authority.healthAuthorityId,
      adminApiKey: authority.adminApiKey as string,
      deviceApiKey: authority.deviceApiKey as string,
      exportPublicKeys: [
        {
          keyId: authority.exportSigning.keyId,
          keyVersion: authority.exportSigning.keyVersion,
          publicKey: parsePublicKeyPem(authority.exportSigning.publicKeyPem),
        },
      ],
      runExportPass: async () => {
        await app.runExportPass();
        // The venue warnings of the hours that ended, published with the keys (docs/checkin.md).
        await app.runTraceWarningPass();
      },
      close: async () => {
        await app.close();
        if (temporary) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
