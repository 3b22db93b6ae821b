import type { Command } from 'commander';
import { printResult } from '../io.js';
import { serverConfig } from './admin/server-config.js';

interface RunOptions {
  dataDir?: string;
  json?: boolean;
}

/** `bluezone trace-warnings run`: one pass of the server's trace warning worker (venue check-in) now. */
export function registerTraceWarningsCommand(program: Command): void {
  const group = program
    .command('trace-warnings')
    .description('venue check-in warnings: the hourly signed packages phones match their check-ins against');
  group
    .command('run')
    .description(
      "run one trace warning pass now: write the packages of every hour that ended (padded, signed with the export keys) and rewrite the region's index.txt",
    )
    .option(
      '--data-dir <dir>',
      'data directory of the embedded database and exported files (default: BLUEZONE_DATA_DIR or ./.bluezone)',
    )
    .option('--json', 'print {planned, packages, warnings} as JSON')
    .action((options: RunOptions) => runTraceWarnings(options));
}

async function runTraceWarnings(options: RunOptions): Promise<void> {
  const { createApp, createLogger } = await import('@bluezone/server');
  const config = await serverConfig({ BLUEZONE_DATA_DIR: options.dataDir });
  const app = await createApp(config, {
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr),
  });
  try {
    const result = await app.runTraceWarningPass();
    printResult(
      options.json === true,
      result,
      () =>
        `trace warning pass: ${result.packages} package(s) written (${result.planned} newly planned, national and province sets), ${result.warnings} real warning(s)`,
    );
  } finally {
    await app.close();
  }
}
