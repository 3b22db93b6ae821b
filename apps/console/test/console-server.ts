// The real server with the built console, for the browser tests: PGlite in memory, a health authority
// provisioned (`bluezone admin init`) and console accounts created (`bluezone admin user add`).

import { ensureConsoleBuilt } from '@bluezone/console/build';
import {
  type App,
  createConsoleAccount,
  createLogger,
  initHealthAuthority,
  loadConfig,
  startServer,
} from '@bluezone/server';

export interface ConsoleServer {
  readonly app: App;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Seconds the console build took (0 when dist/ was up to date). */
  readonly buildSeconds: number;
  close(): Promise<void>;
}

export interface TestAccount {
  username: string;
  password: string;
  role: 'national' | 'province' | 'caseworker' | 'analyst';
  province?: string;
}

export async function startConsoleServer(
  accounts: readonly TestAccount[],
  env: Record<string, string> = {},
): Promise<ConsoleServer> {
  const build = await ensureConsoleBuilt({ log: (line) => process.stderr.write(`${line}\n`) });
  if (build.built) process.stderr.write(`console built in ${build.seconds.toFixed(1)} s\n`);
  const config = loadConfig({
    BLUEZONE_PORT: '0',
    BLUEZONE_HOST: '127.0.0.1',
    BLUEZONE_LOG_LEVEL: 'warn',
    BLUEZONE_REGION: 'VN',
    BLUEZONE_CODE_LINK: 'https://bluezone.example/v?c={code}',
    // The "What adoption buys" panel computes real curves, on a small population to stay quick.
    BLUEZONE_PLANNER_PEOPLE: '600',
    BLUEZONE_PLANNER_SEEDS: '1',
    ...env,
  });
  const { app, address } = await startServer(config, {
    location: { kind: 'memory' },
    secret: new Uint8Array(32).fill(9),
    logger: createLogger('warn'),
    webConsole: { dir: build.dir },
  });
  await initHealthAuthority(app.core, 'VN');
  for (const account of accounts) await createConsoleAccount(app.core, account);
  return {
    app,
    origin: address.replace('localhost', '127.0.0.1'),
    buildSeconds: build.seconds,
    close: () => app.close(),
  };
}
