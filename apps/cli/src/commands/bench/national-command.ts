// `bluezone bench national`: the national day of docs/scale.md against real server processes on real
// PostgreSQL: cost per request class here, and the cores Viet Nam's peak hour needs.

import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { integerOption } from '../../options.js';
import type { NationalBenchResult } from './national/national-run.js';

interface NationalCommandOptions {
  seconds: string;
  processes: string;
  concurrency: string;
  database?: string;
  json?: boolean;
}

export function registerNationalBench(bench: Command): void {
  bench
    .command('national')
    .description(
      "the national peak day's request mix against real server processes on PostgreSQL: requests/s at p99 ≤ 200 ms, CPU ms per request, projected cores for Viet Nam's peak hour",
    )
    .option('--seconds <n>', 'seconds of load per request class, and of all classes mixed', '10')
    .option('--processes <k>', 'bluezone server processes', '2')
    .option(
      '--concurrency <n>',
      'concurrent requests per class to start with (halved while p99 > 200 ms)',
      '16',
    )
    .option(
      '--database <url>',
      'an existing empty PostgreSQL database (default: a throwaway cluster on loopback)',
    )
    .option(
      '--json',
      'print {classes: [{name, requestsPerSecond, p99Ms, serverCpuMsPerRequest, …}], projection} as JSON',
    )
    .action((options: NationalCommandOptions) => runNationalCommand(options));
}

async function runNationalCommand(options: NationalCommandOptions): Promise<void> {
  const seconds = integerOption(options.seconds, '--seconds', 1, 600);
  const processes = integerOption(options.processes, '--processes', 1, 32);
  const concurrency = integerOption(options.concurrency, '--concurrency', 1, 512);
  if (options.database !== undefined && !/^postgres(ql)?:\/\//.test(options.database))
    throw new CliError(`--database must be a postgres:// URL, not "${options.database}"`);
  const { runNationalBench } = await import('./national/national-run.js');
  let result: NationalBenchResult;
  try {
    result = await runNationalBench({
      seconds,
      processes,
      concurrency,
      databaseUrl: options.database,
      progress: (line) => process.stderr.write(`bench national: ${line}\n`),
    });
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('PostgreSQL 15 not found')) throw new CliError(message, 2, { cause: error });
    throw error;
  }
  printResult(options.json === true, result, () => human(result));
}

function human(r: NationalBenchResult): string {
  const f = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
  const rows = r.classes.map(
    (c) =>
      `  ${c.name.padEnd(12)}${String(Math.round(c.requestsPerSecond)).padStart(7)}${c.p99Met ? ' ' : '*'}${f(c.p99Ms, 0).padStart(6)}${f(c.serverCpuMsPerRequest).padStart(9)}${f(c.postgresCpuMsPerRequest).padStart(9)}${f(c.peakRate, 1).padStart(9)}${f(c.serverCores).padStart(8)}${f(c.postgresCores).padStart(8)}   ${c.label}`,
  );
  const p = r.projection;
  const m = r.mixed;
  const shares = Object.entries(m.byTag)
    .sort(([, a], [, b]) => b.requests - a.requests)
    .map(
      ([name, t]) =>
        `${name} ${((100 * t.requests) / Math.max(1, m.requests)).toFixed(1)} % p99 ${t.p99Ms.toFixed(0)} ms`,
    );
  return [
    `bench national: ${r.processes} server process(es), ${r.seconds} s per class (Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpu}, load ${r.machine.loadAverage.join(' ')})`,
    '  class         req/s  p99ms  srv ms/r  pg ms/r  peak/s  srv cores pg cores',
    ...rows,
    `  (* p99 over ${r.p99BoundMs} ms even at concurrency 1 on this machine)`,
    `  national peak hour: ${f(p.serverCores)} server cores, ${f(p.postgresCores)} PostgreSQL cores (goal ≤ ${p.goal.serverCores} and ≤ ${p.goal.postgresCores}: headroom ×${f(p.headroom.server, 1)} and ×${f(p.headroom.postgres, 1)})`,
    `  dominant: server ${p.dominant.server}, PostgreSQL ${p.dominant.postgres ?? '—'}`,
    `  mixed (every class at once, peak-hour proportions, c=${m.concurrency}): ${Math.round(m.requestsPerSecond)} req/s, p50 ${f(m.p50Ms, 0)} ms, p99 ${f(m.p99Ms, 0)} ms${m.p99Met ? '' : ' (over the bound)'}, server ${f(m.serverCpuMsPerRequest)} ms/req, PostgreSQL ${f(m.postgresCpuMsPerRequest)} ms/req${Object.keys(m.failures).length ? `, failures ${JSON.stringify(m.failures)}` : ''}`,
    `    → peak hour (${f(m.peakRate, 0)} req/s): ${f(m.serverCores)} server cores, ${f(m.postgresCores)} PostgreSQL cores`,
    `    ${shares.join('; ')}`,
    `  total ${r.totalSeconds.toFixed(0)} s`,
  ].join('\n');
}
