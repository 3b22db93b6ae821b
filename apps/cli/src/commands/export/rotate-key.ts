import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { serverConfig } from '../admin/server-config.js';

interface RotateOptions {
  dataDir?: string;
  region?: string;
  json?: boolean;
}

/** `bluezone export rotate-key`: a new export signing key version for a region (docs/operations.md). */
export function registerRotateKeyCommand(exportCommand: Command): void {
  exportCommand
    .command('rotate-key')
    .description(
      'make a new export signing key version for a region and make it the active one (list the old one in BLUEZONE_EXPORT_SIGNING_KEYS to keep it signing)',
    )
    .option(
      '--data-dir <dir>',
      'data directory of the embedded database (default: BLUEZONE_DATA_DIR or ./.bluezone)',
    )
    .option('--region <code>', 'region, e.g. VN (default: BLUEZONE_REGION or VN)')
    .option('--json', 'print {keyId, keyVersion, publicKeyPem} as JSON')
    .action((options: RotateOptions) => rotateKey(options));
}

async function rotateKey(options: RotateOptions): Promise<void> {
  if (options.region !== undefined && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(options.region))
    throw new CliError(`--region must be an ISO 3166 code such as VN or VN-HN, not "${options.region}"`);
  const { createApp, createLogger } = await import('@bluezone/server');
  const config = await serverConfig({ BLUEZONE_DATA_DIR: options.dataDir, BLUEZONE_REGION: options.region });
  const app = await createApp(config, {
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr),
  });
  try {
    const key = await app.rotateExportSigningKey(config.region);
    if (!key)
      throw new CliError(`region ${config.region} has no health authority: run bluezone admin init first`);
    printResult(options.json === true, key, () =>
      [
        `export signing key of ${config.region} is now id ${key.keyId}, version ${key.keyVersion}`,
        key.publicKeyPem.trimEnd(),
        'Register this public key with the phones’ key registry; until phones have it, keep the previous',
        'key signing: BLUEZONE_EXPORT_SIGNING_KEYS=<keyId>/<previous version> (docs/operations.md).',
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}
