import { computeTekmac, type PublishedKey, tekmacCleartext } from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult, readJsonFile } from '../../io.js';
import { base64Option, required } from '../../options.js';

interface TekmacOptions {
  hmacKey?: string;
  keys?: string;
  json?: boolean;
}

/** `bluezone keys tekmac`: the verification HMAC that binds a certificate to the keys being published. */
export function registerTekmacCommand(keys: Command): void {
  keys
    .command('tekmac')
    .description('compute the verification HMAC (tekmac) of keys as the publish API carries them')
    .option('--hmac-key <base64>', "the phone's HMAC key, base64, at least 16 bytes (required)")
    .option(
      '--keys <file>',
      'JSON: an array of {key, rollingStartNumber, rollingPeriod, transmissionRisk}, or a publish request {temporaryExposureKeys: [...]} (required)',
    )
    .option('--json', 'print {tekmac, cleartext, tekmacWithoutTransmissionRisk?} as JSON')
    .action((options: TekmacOptions) => runTekmac(options));
}

function runTekmac(options: TekmacOptions): void {
  const hmacKey = base64Option(required(options.hmacKey, '--hmac-key'), '--hmac-key');
  if (hmacKey.length < 16)
    throw new CliError(`--hmac-key must have at least 16 bytes, not ${hmacKey.length}`);
  const file = required(options.keys, '--keys');
  const keys = publishedKeys(readJsonFile(file), file);

  const cleartext = tekmacCleartext(keys);
  const tekmac = computeTekmac(hmacKey, keys);
  // The key server also accepts the form without transmission risk when every risk is 0.
  const allZero = keys.every((k) => (k.transmissionRisk ?? 0) === 0);
  const short = allZero ? computeTekmac(hmacKey, keys, { withTransmissionRisk: false }) : undefined;

  const result = { tekmac, cleartext, ...(short !== undefined && { tekmacWithoutTransmissionRisk: short }) };
  printResult(options.json === true, result, () =>
    [
      `tekmac     ${tekmac}`,
      `cleartext  ${cleartext}`,
      ...(short === undefined ? [] : [`tekmac without transmission risk (all risks are 0)  ${short}`]),
    ].join('\n'),
  );
}

/** Checks the shape of every key, naming the first bad one, so the HMAC is never taken over junk. */
function publishedKeys(json: unknown, file: string): PublishedKey[] {
  const list = Array.isArray(json)
    ? json
    : (json as { temporaryExposureKeys?: unknown } | null)?.temporaryExposureKeys;
  if (!Array.isArray(list) || list.length === 0) {
    throw new CliError(`${file}: expected a non-empty array of keys, or {"temporaryExposureKeys": [...]}`);
  }
  list.forEach((k: Partial<Record<keyof PublishedKey, unknown>> | null, i) => {
    const fields = ['rollingStartNumber', 'rollingPeriod', 'transmissionRisk'] as const;
    const bad =
      typeof k?.key !== 'string' || k.key === ''
        ? 'key'
        : fields.find(
            (f) => !(f === 'transmissionRisk' && k[f] === undefined) && !Number.isSafeInteger(k[f]),
          );
    if (bad !== undefined) {
      throw new CliError(`${file}: key ${i} has no valid "${bad}" (${JSON.stringify(k?.[bad] ?? null)})`);
    }
  });
  return list as PublishedKey[];
}
