import type { Command } from 'commander';
import { serverConfig } from './admin/server-config.js';
import { checkPortFree, portInUse } from './port-in-use.js';
import { buildWebAppsOrWarn } from './web-builds.js';

interface ServerOptions {
  port?: string;
  dataDir?: string;
  webBuild: boolean;
}

/** `bluezone server`: the national backend's HTTP API in one process, until SIGINT or SIGTERM. */
export function registerServerCommand(program: Command): void {
  program
    .command('server')
    .description(
      'start the national backend (verification API) — configuration from BLUEZONE_* (docs/config.md)',
    )
    .option('--port <port>', 'TCP port (default: BLUEZONE_PORT or 8080)')
    .option(
      '--data-dir <dir>',
      'data directory for the embedded database (default: BLUEZONE_DATA_DIR or ./.bluezone)',
    )
    .option(
      '--no-web-build',
      'do not build the citizen app and the console at start (by default they are built when missing or older than their sources)',
    )
    .action((options: ServerOptions) => runServer(options));
}

async function runServer(options: ServerOptions): Promise<void> {
  const { createLogger, startServer } = await import('@bluezone/server');
  const config = await serverConfig({ BLUEZONE_PORT: options.port, BLUEZONE_DATA_DIR: options.dataDir });
  const logger = createLogger(config.logLevel);
  const { appConfigOf, appConfigProblem } = await import('@bluezone/server');
  const { APP_DIST } = await import('@bluezone/app/build');
  const { CONSOLE_DIST } = await import('@bluezone/console/build');
  let core: Parameters<typeof appConfigOf>[0] | undefined;
  await checkPortFree(config.port, config.host);
  // The citizen app at /app/ and the console at /console/, built here on the first start.
  if (options.webBuild) await buildWebAppsOrWarn((line) => process.stderr.write(`${line}\n`));
  const { app, address } = await startServer(config, {
    logger,
    webApp: {
      dir: APP_DIST,
      config: () => (core ? appConfigOf(core, config.region, config.appDeviceApiKey) : undefined),
    },
    webConsole: { dir: CONSOLE_DIST },
  }).catch((error: unknown) => {
    throw portInUse(error, config.port);
  });
  core = app.core;
  logger.info({ address, database: config.databaseUrl ? 'postgres' : 'pglite' }, 'bluezone server listening');
  process.stderr.write(`bluezone server listening on ${address}\n`);
  // Said once here, not only to whoever opens /app/: what the app's configuration lacks and what to run.
  const appProblem = await appConfigProblem(core, config.region, config.appDeviceApiKey);
  if (appProblem) {
    logger.warn({ errorCode: 'app_config_unavailable' }, appProblem);
    process.stderr.write(`${appProblem}\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      logger.info({ signal }, 'shutting down');
      app.close().then(resolve, (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
