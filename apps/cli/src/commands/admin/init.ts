import type { AdminInitResult } from '@bluezone/server';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { serverConfig } from './server-config.js';

interface InitOptions {
  dataDir?: string;
  region?: string;
  json?: boolean;
}

/** `bluezone admin init`: a region's health authority with its API keys and export signing key. */
export function registerAdminInitCommand(admin: Command): void {
  admin
    .command('init')
    .description(
      "provision a region's health authority (API keys, export signing key), or show the existing one",
    )
    .option(
      '--data-dir <dir>',
      'data directory of the embedded database (default: BLUEZONE_DATA_DIR or ./.bluezone)',
    )
    .option('--region <code>', 'region to provision, e.g. VN (default: BLUEZONE_REGION or VN)')
    .option('--json', 'print {region, healthAuthorityId, adminApiKey, deviceApiKey, exportSigning} as JSON')
    .action((options: InitOptions) => runInit(options));
}

async function runInit(options: InitOptions): Promise<void> {
  if (options.region !== undefined && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(options.region))
    throw new CliError(`--region must be an ISO 3166 code such as VN or VN-HN, not "${options.region}"`);
  const { createLogger, initHealthAuthority, openCore } = await import('@bluezone/server');
  const config = await serverConfig({ BLUEZONE_DATA_DIR: options.dataDir, BLUEZONE_REGION: options.region });
  // Logs go to stderr, so that --json output stays parseable.
  const core = await openCore(config, {
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr),
  });
  try {
    const result = await initHealthAuthority(core, config.region);
    printResult(options.json === true, toJson(result), () => human(result));
  } finally {
    await core.close();
  }
}

function toJson(r: AdminInitResult) {
  return {
    region: r.region,
    healthAuthorityId: r.healthAuthorityId,
    created: r.created,
    adminApiKey: r.adminApiKey ?? null,
    deviceApiKey: r.deviceApiKey ?? null,
    exportSigning: r.exportSigning,
    certificateIssuer: r.certificateIssuer,
    certificateAudience: r.certificateAudience,
  };
}

function human(r: AdminInitResult): string {
  const keys = [
    r.adminApiKey
      ? `admin API key    ${r.adminApiKey}  (shown only now: stored hashed; keep it somewhere safe)`
      : 'admin API key    shown once, when this health authority was created (stored hashed)',
    r.deviceApiKey
      ? `device API key   ${r.deviceApiKey}  (the app's: /app/config.json serves it)`
      : "device API key   the app's is provisioned; /app/config.json serves it",
  ];
  return [
    `health authority ${r.region} ${r.created ? 'created' : 'already exists'} (id ${r.healthAuthorityId})`,
    ...keys,
    `export signing key  id ${r.exportSigning.keyId}, version ${r.exportSigning.keyVersion}`,
    r.exportSigning.publicKeyPem.trimEnd(),
    `certificate issuer ${r.certificateIssuer}, audience ${r.certificateAudience}`,
  ].join('\n');
}
