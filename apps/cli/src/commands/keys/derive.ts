import {
  decodeMetadata,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encryptAssociatedMetadata,
  type IntervalNumber,
  intervalStartSeconds,
  ROLLING_PERIOD,
  toHex,
} from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { hexOption, integerOption, required } from '../../options.js';

const MAX_UINT32 = 0xffffffff;

interface DeriveOptions {
  tek?: string;
  interval?: string;
  count: string;
  metadata?: string;
  json?: boolean;
}

/** `bluezone keys derive`: the RPIK, AEMK and per-interval RPIs (and AEMs) of one TEK. */
export function registerDeriveCommand(keys: Command): void {
  keys
    .command('derive')
    .description('derive the RPIK, AEMK and the rolling proximity identifiers of a temporary exposure key')
    .option('--tek <hex>', 'the temporary exposure key, 16 bytes in hex (required)')
    .option('--interval <n>', 'first interval number (ENIN, floor(unix seconds / 600)), a uint32 (required)')
    .option('--count <k>', 'how many consecutive intervals, 1…144', String(ROLLING_PERIOD))
    .option(
      '--metadata <hex>',
      'the 4 metadata bytes (e.g. 40080000: v1.0, TX power 8 dBm); the AEM is printed only when given',
    )
    .option('--json', 'print {rpik, aemk, identifiers: [{interval, rpi, aem?}]} as JSON')
    .addHelpText(
      'after',
      '\nExample (the GAEN test vector):\n  bluezone keys derive --tek 75c734c6dd1a782de7a965da5eb93125 --interval 2642976 --metadata 40080000',
    )
    .action((options: DeriveOptions) => runDerive(options));
}

function runDerive(options: DeriveOptions): void {
  const tek = hexOption(required(options.tek, '--tek'), '--tek', 16);
  const first = integerOption(required(options.interval, '--interval'), '--interval', 0, MAX_UINT32);
  const count = integerOption(options.count, '--count', 1, ROLLING_PERIOD);
  if (first + count - 1 > MAX_UINT32) {
    throw new CliError(
      `--interval ${first} with --count ${count} runs past the last interval number ${MAX_UINT32}`,
    );
  }
  const metadata = options.metadata === undefined ? undefined : hexOption(options.metadata, '--metadata', 4);

  const rpik = deriveRollingProximityIdentifierKey(tek);
  const aemk = deriveAssociatedEncryptedMetadataKey(tek);
  const rpis = deriveRollingProximityIdentifiers(rpik, first as IntervalNumber, count);
  const identifiers = rpis.map((rpi, i) => ({
    interval: first + i,
    rpi: toHex(rpi),
    ...(metadata && { aem: toHex(encryptAssociatedMetadata(aemk, rpi, metadata)) }),
  }));

  printResult(options.json === true, { rpik: toHex(rpik), aemk: toHex(aemk), identifiers }, () => {
    const lines = [`RPIK  ${toHex(rpik)}`, `AEMK  ${toHex(aemk)}`];
    if (metadata) {
      const m = decodeMetadata(metadata);
      lines.push(
        `metadata  ${toHex(metadata)} (v${m.versionMajor}.${m.versionMinor}, TX power ${m.txPower} dBm)`,
      );
    }
    lines.push('', `interval  start (UTC)        RPI${' '.repeat(31)}${metadata ? 'AEM' : ''}`.trimEnd());
    for (const id of identifiers) {
      const start = new Date(intervalStartSeconds(id.interval as IntervalNumber) * 1000).toISOString();
      lines.push(
        `${String(id.interval).padEnd(8)}  ${start.slice(0, 16)}Z  ${id.rpi}  ${id.aem ?? ''}`.trimEnd(),
      );
    }
    return lines.join('\n');
  });
}
