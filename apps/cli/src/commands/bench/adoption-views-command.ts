// `bluezone bench adoption-views`: the console's adoption pages on a year of the whole country's counts.

import type { AdoptionViewsBenchResult } from '@bluezone/server';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { integerOption } from '../../options.js';

interface AdoptionViewsCommandOptions {
  days: string;
  requests: string;
  json?: boolean;
}

/** Registers `bench adoption-views` on the `bench` group. */
export function registerAdoptionViewsBench(bench: Command): void {
  bench
    .command('adoption-views')
    .description(
      "latency (p50, p99) of the console's adoption pages on 63 provinces × 707 districts × 365 days of counts, in a throwaway PostgreSQL 15",
    )
    .option('--days <n>', 'days of counts to seed', '365')
    .option('--requests <n>', 'timed requests per page (one at a time)', '50')
    .option(
      '--json',
      'print {seeded, pages: [{page, path, p50Ms, p99Ms, met}], reads: [{read, summaryMs, countsMs}], …} as JSON',
    )
    .action((options: AdoptionViewsCommandOptions) => runAdoptionViewsCommand(options));
}

async function runAdoptionViewsCommand(options: AdoptionViewsCommandOptions): Promise<void> {
  const days = integerOption(options.days, '--days', 1, 731);
  const requests = integerOption(options.requests, '--requests', 1, 10_000);
  const { runAdoptionViewsBench } = await import('@bluezone/server');
  let result: AdoptionViewsBenchResult;
  try {
    result = await runAdoptionViewsBench({
      days,
      requests,
      progress: (line) => process.stderr.write(`bench adoption-views: ${line}\n`),
    });
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('PostgreSQL 15 not found')) throw new CliError(message, 2, { cause: error });
    throw error;
  }
  printResult(options.json === true, result, () => human(result));
}

function human(r: AdoptionViewsBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const s = r.seeded;
  return [
    `bench adoption-views: ${n(s.countRows)} counter rows (${s.provinces} provinces, ${s.districts} districts, ${s.days} days) and ${n(s.importRows)} imported figures, seeded in ${r.seedSeconds.toFixed(1)} s (Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpu}, load ${r.machine.loadAverage.join(' ')})`,
    '  page                     p50 ms   p99 ms   max ms',
    ...r.pages.map(
      (p) =>
        `  ${p.page.padEnd(22)}${p.p50Ms.toFixed(1).padStart(9)}${p.p99Ms.toFixed(1).padStart(9)}${p.maxMs.toFixed(1).padStart(9)}${p.met ? '' : `   over ${r.boundMs} ms`}`,
    ),
    '  read (median ms)                  summaries  counter rows',
    ...r.reads.map(
      (x) =>
        `  ${x.read.padEnd(32)}${x.summaryMs.toFixed(1).padStart(10)}${x.countsMs.toFixed(1).padStart(14)}`,
    ),
    `  ${r.pages.every((p) => p.met) ? 'every page' : 'not every page'} within p99 ≤ ${r.boundMs} ms; total ${r.totalSeconds.toFixed(0)} s`,
  ].join('\n');
}
