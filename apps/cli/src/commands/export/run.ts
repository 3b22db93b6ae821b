import type { Command } from 'commander';
import { printResult } from '../../io.js';
import { serverConfig } from '../admin/server-config.js';

interface RunOptions {
  dataDir?: string;
  json?: boolean;
}

/** `bluezone export run`: one pass of the server's export worker now, then exit. */
export function registerRunCommand(exportCommand: Command): void {
  exportCommand
    .command('run')
    .description(
      "run one export pass now: write every settled batch's signed files to the blob store and rewrite each region's index.txt",
    )
    .option(
      '--data-dir <dir>',
      'data directory of the embedded database and exported files (default: BLUEZONE_DATA_DIR or ./.bluezone)',
    )
    .option('--json', 'print {planned, batches, files, keys} as JSON')
    .action((options: RunOptions) => runExport(options));
}

async function runExport(options: RunOptions): Promise<void> {
  const { createApp, createLogger } = await import('@bluezone/server');
  const config = await serverConfig({ BLUEZONE_DATA_DIR: options.dataDir });
  // Logs go to stderr, so that --json output stays parseable.
  const app = await createApp(config, {
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr),
  });
  try {
    const result = await app.runExportPass();
    printResult(
      options.json === true,
      result,
      () =>
        `export pass: ${result.batches} batch(es) written (${result.planned} newly planned), ${result.files} file(s), ${result.keys} key(s) exported`,
    );
  } finally {
    await app.close();
  }
}
