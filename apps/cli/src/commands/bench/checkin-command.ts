// `bluezone bench checkin`: matching 100,000 trace warnings against 14 days of check-ins on one core,
// against the issue's target of one second.

import type { Command } from 'commander';
import { ExitCode } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { integerOption } from '../../options.js';
import { type CheckinBenchResult, runCheckinBench } from './checkin-run.js';

interface CheckinCommandOptions {
  warnings: string;
  checkinsPerDay: string;
  planted: string;
  seed: string;
  runs: string;
  json?: boolean;
}

export function registerCheckinBench(bench: Command): void {
  bench
    .command('checkin')
    .description(
      'seconds to match N trace warnings (from signed hourly packages) against 14 days of check-ins',
    )
    .option('--warnings <n>', 'trace warnings in the packages', '100000')
    .option('--checkins-per-day <k>', 'check-ins a day for 14 days', '6')
    .option('--planted <p>', 'warnings planted on check-ins (must be found with their exact minutes)', '10')
    .option('--seed <s>', 'seed of the generated check-ins and warnings', '1')
    .option('--runs <r>', 'timed matching runs (the first is reported, the best beside it)', '5')
    .option('--json', 'print {matchSeconds, ratio, readSeconds, overlaps, …} as JSON')
    .action((options: CheckinCommandOptions) => runCheckinCommand(options));
}

function runCheckinCommand(options: CheckinCommandOptions): void {
  const result = runCheckinBench({
    warnings: integerOption(options.warnings, '--warnings', 1, 10_000_000),
    checkInsPerDay: integerOption(options.checkinsPerDay, '--checkins-per-day', 1, 100),
    planted: integerOption(options.planted, '--planted', 0, 1000),
    seed: integerOption(options.seed, '--seed', 0, 0xffffffff),
    runs: integerOption(options.runs, '--runs', 1, 100),
  });
  printResult(options.json === true, result, () => human(result));
  if (result.missed > 0 || result.invented > 0 || result.badSignatures > 0) {
    process.stderr.write(
      `bluezone: matching missed ${result.missed} and invented ${result.invented} planted overlaps; ${result.badSignatures} packages failed their signature\n`,
    );
    process.exitCode = ExitCode.checkFailed;
  }
}

function human(r: CheckinBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
  return [
    `bench checkin: ${n(r.warnings)} warnings in ${r.packages} signed hourly packages (${n(r.packageBytes / 1024)} KB) × ${r.checkIns} check-ins over 14 days (seed ${r.seed}, Node ${r.node})`,
    `  match       ${ms(r.matchSeconds)} = ${(100 * r.ratio).toFixed(2)} % of the ${r.targetSeconds} s target (${r.targetMet ? 'met' : 'not met'}); best of runs ${ms(r.bestMatchSeconds)}`,
    `  read        ${ms(r.readSeconds)} to unzip, decode and verify all ${r.packages} packages (done once, as each arrives: ${ms(r.readSeconds / r.packages)} a package)`,
    `  overlaps    ${r.overlaps} found; planted ${r.planted}${r.missed + r.invented === 0 ? ' — all found with their minutes, nothing else' : `, missed ${r.missed}, invented ${r.invented}`}`,
  ].join('\n');
}
