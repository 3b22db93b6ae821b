// `bluezone checkin inspect URL`: what an event QR code (ours or Corona-Warn-App's) says, and its IDs.

import {
  isProtocolError,
  readEventUrl,
  summarizeEventQrCode,
  traceLocationTypeName,
} from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';

/** Hosts of our event URLs accepted without --host: the national deployment and this machine. */
export const DEFAULT_EVENT_HOSTS = ['bluezone.gov.vn', 'localhost', '127.0.0.1'] as const;

interface InspectOptions {
  host: string[];
  json?: boolean;
}

export function registerCheckinInspectCommand(checkin: Command): void {
  checkin
    .command('inspect')
    .description('parse an event URL (https://<host>/c?v=1#… or https://e.coronawarn.app?v=1#…)')
    .argument('<url>', 'the text of the QR code')
    .option(
      '--host <host>',
      `another host serving our event URLs (repeatable; always accepted: ${DEFAULT_EVENT_HOSTS.join(', ')})`,
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--json', 'print the fields as JSON')
    .action((url: string, options: InspectOptions) => runInspect(url, options));
}

function runInspect(url: string, options: InspectOptions): void {
  let code: ReturnType<typeof readEventUrl>;
  try {
    code = readEventUrl(url, { hosts: [...DEFAULT_EVENT_HOSTS, ...options.host] });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    throw new CliError(`not a valid event QR code (${error.code}): ${error.message}`, 2, { cause: error });
  }
  const { location } = code;
  const result = summarizeEventQrCode(code);
  const time = (s: number) =>
    s === 0 ? '—' : `${new Date(s * 1000).toISOString().replace('.000', '')} (${s})`;
  printResult(options.json === true, result, () =>
    [
      `event URL        ${code.kind === 'cwa' ? 'Corona-Warn-App' : 'Bluezone'} (${code.host}), payload v${location.version}, ${code.payload.length} bytes`,
      `description      ${location.description}`,
      `address          ${location.address}`,
      `type             ${traceLocationTypeName(location.locationType)} (${location.locationType})`,
      `start            ${time(location.startTimestamp)}`,
      `end              ${time(location.endTimestamp)}`,
      `check-in length  ${location.defaultCheckInLengthInMinutes === 0 ? 'not set' : `${location.defaultCheckInLengthInMinutes} min`}`,
      `seed             ${result.cryptographicSeed}`,
      `public key       ${result.publicKey || '—'}`,
      `location ID      ${result.locationId}`,
      `location ID hash ${result.locationIdHash}`,
    ].join('\n'),
  );
}
