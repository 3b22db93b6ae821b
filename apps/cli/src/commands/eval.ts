import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { printResult } from '../io.js';
import { proximityJson, proximityText } from './eval/format.js';
import { evaluateProximity } from './eval/proximity-evaluation.js';
import { readSightings } from './eval/read-sightings.js';
import { loadRiskConfiguration } from './risk/load-config.js';

interface ProximityOptions {
  sightings?: string;
  config: string;
  json?: boolean;
}

/** `bluezone eval …`: evaluations of the protocol's rules on measured data. */
export function registerEvalCommand(program: Command): void {
  const evaluate = program.command('eval').description('evaluate the protocol’s rules on measured data');
  evaluate
    .command('proximity')
    .description(
      'classify each (receiver, transmitter, UTC day) of real sightings as close contact or not, with GAEN v2 windows and a risk configuration',
    )
    .option(
      '--sightings <file.csv>',
      'CSV with header receiver,receiver_model,transmitter,transmitter_model,timestamp,rssi,tx_power (required)',
    )
    .option(
      '--config <preset|file>',
      'a preset (bluezone, cwa, enx, dp3t) or a risk configuration JSON file',
      'bluezone',
    )
    .option('--json', 'print {pairs: [{receiver, transmitter, day, closeContact, weightedMinutes, …}]}')
    .action((options: ProximityOptions) => runProximity(options));
}

async function runProximity(options: ProximityOptions): Promise<void> {
  if (options.sightings === undefined)
    throw new CliError('--sightings is required (a CSV file of sightings)');
  const config = loadRiskConfiguration(options.config);
  const log = await readSightings(options.sightings);
  const pairs = evaluateProximity(log, config);
  printResult(options.json === true, proximityJson(pairs), () => proximityText(pairs, config, log.rows));
}
