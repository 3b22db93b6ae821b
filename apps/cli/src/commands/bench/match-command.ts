// `bluezone bench match`: keys per second of the matcher on one core, against the native reference.

import type { MatchingPrimitives } from '@bluezone/protocol';
import { jsMatchingPrimitives } from '@bluezone/protocol';
import type { Command } from 'commander';
import { CliError, ExitCode } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { naiveNodeMatchingPrimitives, nodeMatchingPrimitives } from '../../node-primitives.js';
import { integerOption } from '../../options.js';
import { LOG_PROFILES, type LogProfile } from './encounters.js';
import { type MatchBenchResult, runMatchBench } from './match-run.js';

const PRIMITIVES: Record<string, () => MatchingPrimitives> = {
  hybrid: () => nodeMatchingPrimitives(),
  js: () => jsMatchingPrimitives,
  node: () => nodeMatchingPrimitives(0),
  naive: () => naiveNodeMatchingPrimitives(),
};

interface MatchCommandOptions {
  keys: string;
  sightings: string;
  seed: string;
  log: string;
  planted: string;
  primitives: string;
  json?: boolean;
}

/** Registers `bench match` on the `bench` group. */
export function registerMatchBench(bench: Command): void {
  bench
    .command('match')
    .description(
      'keys per second of the matcher on one core, for N diagnosis keys against a 14-day log of M sightings',
    )
    .option('--keys <n>', 'diagnosis keys to match', '1000000')
    .option('--sightings <m>', 'sightings in the 14-day log', '50000')
    .option('--seed <s>', 'seed of the generated keys and log', '1')
    .option(
      '--log <profile>',
      `sighting log: ${LOG_PROFILES.join(', ')} (see docs/performance.md)`,
      'household',
    )
    .option('--planted <k>', 'keys truly heard in the log', '10')
    .option('--primitives <name>', `key derivation: ${Object.keys(PRIMITIVES).join(', ')}`, 'hybrid')
    .option('--json', 'print {keysPerSecond, keys, sightings, matches, peakRssMb, …} as JSON')
    .action((options: MatchCommandOptions) => runMatchCommand(options));
}

function runMatchCommand(options: MatchCommandOptions): void {
  const keys = integerOption(options.keys, '--keys', 1, 100_000_000);
  const sightings = integerOption(options.sightings, '--sightings', 1, 10_000_000);
  const planted = integerOption(options.planted, '--planted', 0, Math.min(1000, keys));
  const seed = integerOption(options.seed, '--seed', 0, 0xffffffff);
  if (!LOG_PROFILES.includes(options.log as LogProfile))
    throw new CliError(`--log must be one of ${LOG_PROFILES.join(', ')}`);
  const makePrimitives = PRIMITIVES[options.primitives];
  if (makePrimitives === undefined)
    throw new CliError(`--primitives must be one of ${Object.keys(PRIMITIVES).join(', ')}`);
  const result = runMatchBench({
    keys,
    sightings,
    seed,
    planted,
    log: options.log as LogProfile,
    primitivesName: options.primitives,
    primitives: makePrimitives(),
    onProgress: (n, rate) =>
      process.stderr.write(
        `bench match: ${n.toLocaleString('en')} / ${keys.toLocaleString('en')} keys, ${Math.round(rate).toLocaleString('en')} keys/s\n`,
      ),
  });
  printResult(options.json === true, result, () => human(result));
  if (result.missedKeys > 0 || result.inventedKeys > 0) {
    process.stderr.write(
      `bluezone: the matcher missed ${result.missedKeys} and invented ${result.inventedKeys} planted keys\n`,
    );
    process.exitCode = ExitCode.checkFailed;
  }
}

function human(r: MatchBenchResult): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `bench match: ${n(r.keys)} keys × ${n(r.sightings)} sightings (${r.log} log, seed ${r.seed}, ${r.primitives} primitives, Node ${r.node})`,
    `  keys/s      ${n(r.keysPerSecond)} = ${pct(r.ratio)} of the native ${n(r.referenceKeysPerSecond)} keys/s (target ≥ ${pct(r.targetRatio)}: ${r.targetMet ? 'met' : 'not met'})`,
    `  RPIs/key    ${r.rpisPerKey.toFixed(1)} derived (of 144)`,
    `  matches     ${r.matches} keys, ${r.matchedSightings} sightings, ${r.windows} windows; planted ${r.plantedKeys} keys, ${r.plantedSightings} sightings${r.missedKeys + r.inventedKeys === 0 ? ' — all found, none invented' : ''}`,
    `  peak RSS    ${r.peakRssMb} MB (limit 300 MB)`,
    `  time        ${r.seconds.toFixed(2)} s matching (the key stream alone: ${r.keyStreamSeconds.toFixed(2)} s)`,
  ].join('\n');
}
