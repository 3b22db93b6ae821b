// `bluezone bench server`: publish requests/s against bare Node's, and export keys/s, on PostgreSQL 15.

import type { ServerBenchResult } from '@bluezone/server';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { integerOption } from '../../options.js';

interface ServerCommandOptions {
  seconds: string;
  connections: string;
  exportKeys: string;
  json?: boolean;
}

/** Registers `bench server` on the `bench` group. */
export function registerServerBench(bench: Command): void {
  bench
    .command('server')
    .description(
      'publish requests/s (vs a bare node:http server) and export keys/s, on a throwaway PostgreSQL 15 on loopback',
    )
    .option('--seconds <n>', 'seconds of load on each server', '10')
    .option('--connections <n>', 'concurrent connections', '50')
    .option('--export-keys <n>', 'exposures in the timed export batch', '2000000')
    .option('--json', 'print {publish, bare, ratio, export: {keysPerSecond, files, …}, …} as JSON')
    .action((options: ServerCommandOptions) => runServerCommand(options));
}

async function runServerCommand(options: ServerCommandOptions): Promise<void> {
  const seconds = integerOption(options.seconds, '--seconds', 1, 600);
  const connections = integerOption(options.connections, '--connections', 1, 1000);
  const exportKeys = integerOption(options.exportKeys, '--export-keys', 0, 50_000_000);
  const { runServerBench } = await import('@bluezone/server');
  let result: ServerBenchResult;
  try {
    result = await runServerBench({
      seconds,
      connections,
      exportKeys,
      progress: (line) => process.stderr.write(`bench server: ${line}\n`),
    });
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('PostgreSQL 15 not found')) throw new CliError(message, 2, { cause: error });
    throw error;
  }
  printResult(options.json === true, result, () => human(result));
}

function human(r: ServerBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const e = r.export;
  return [
    `bench server: ${r.connections} connections, ${r.seconds} s on each server (Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpu}, load ${r.machine.loadAverage.join(' ')})`,
    `  publish     ${n(r.publish.requestsPerSecond)} req/s, p50 ${ms(r.publish.p50Ms)}, p99 ${ms(r.publish.p99Ms)}, ${r.publish.errors} errors, ${r.publish.non2xx} non-2xx (${n(r.publish.storedKeys)} keys stored, warm-up included)`,
    `  bare node   ${n(r.bare.requestsPerSecond)} req/s, p50 ${ms(r.bare.p50Ms)}, p99 ${ms(r.bare.p99Ms)}, ${r.bare.errors} errors`,
    `  ratio       ${pct(r.ratio)} of the bare-Node ceiling (target ≥ ${pct(r.targetRatio)}: ${r.ratioMet ? 'met' : 'not met'})`,
    `  export      ${n(e.keysPerSecond)} keys/s: ${n(e.keys)} keys into ${e.files} files (${(e.bytes / 1e6).toFixed(1)} MB) in ${e.seconds.toFixed(2)} s (target ≥ ${n(e.targetKeysPerSecond)}: ${e.targetMet ? 'met' : 'not met'}; seeding took ${e.seedSeconds.toFixed(1)} s)`,
    `  total       ${r.totalSeconds.toFixed(0)} s`,
  ].join('\n');
}
