// `bluezone bench sim`: a whole district (100,000 people, 14 days by default) against the real
// server in this process, timed and weighed against the targets of issue 4.

import { cpus, loadavg } from 'node:os';
import type { Command } from 'commander';
import { printResult } from '../../io.js';
import { integerOption } from '../../options.js';

interface SimBenchOptions {
  people: string;
  days: string;
  sample: string;
  seed: string;
  json?: boolean;
}

/** The targets: 100,000 people for 14 simulated days in under 10 minutes, memory under 4 GB. */
export const SIM_BENCH_TARGET = Object.freeze({
  people: 100_000,
  days: 14,
  seconds: 600,
  peakBytes: 4 * 2 ** 30,
});

export function registerSimBench(bench: Command): void {
  bench
    .command('sim')
    .description(
      'bluezone sim at scale (default 100,000 people for 14 days, 24 % adoption): wall time and peak memory against the targets (10 min, 4 GB)',
    )
    .option('--people <n>', 'population size', String(SIM_BENCH_TARGET.people))
    .option('--days <n>', 'simulated days', String(SIM_BENCH_TARGET.days))
    .option('--sample <n>', 'phones checked against the full runtime', '10')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print the result (and the simulation report) as JSON')
    .action((options: SimBenchOptions) => runSimBench(options));
}

async function runSimBench(o: SimBenchOptions): Promise<void> {
  const sim = await import('@bluezone/sim');
  const options = {
    ...sim.DEFAULT_SIMULATION,
    people: integerOption(o.people, '--people', 10, 2_000_000),
    days: integerOption(o.days, '--days', 1, 60),
    fullRuntimeSample: integerOption(o.sample, '--sample', 0, 100_000),
    seed: integerOption(o.seed, '--seed', 0, 4_294_967_295),
  };
  const { startEmbeddedServer } = await import('../sim/embedded-server.js');
  const clock = new sim.SimClock(options.startMs);
  const started = performance.now();
  const server = await startEmbeddedServer(clock, {});
  let peakHeap = 0;
  const watch = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 1_000);
  let lastDay = -1;
  let report: Awaited<ReturnType<typeof sim.runSimulation>>;
  try {
    report = await sim.runSimulation(options, server, clock, (p) => {
      if (p.day === lastDay || p.phase !== 'world') return;
      lastDay = p.day;
      const rss = (process.memoryUsage().rss / 2 ** 30).toFixed(2);
      process.stderr.write(
        `bench sim: day ${p.day + 1}/${p.days}, ${((performance.now() - started) / 1000).toFixed(0)} s, ${rss} GB\n`,
      );
    });
  } finally {
    clearInterval(watch);
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  // Peak resident memory of the whole process (kilobytes on Linux): heap, typed arrays, PGlite.
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  const scale = (options.people * options.days) / (SIM_BENCH_TARGET.people * SIM_BENCH_TARGET.days);
  const result = {
    people: options.people,
    days: options.days,
    seconds: Math.round(seconds * 10) / 10,
    peakBytes,
    peakHeapBytes: peakHeap,
    target: SIM_BENCH_TARGET,
    /** Target time (scaled to this run's people × days) over the time taken: ≥ 1 meets it. */
    timeRatio: Math.round(((SIM_BENCH_TARGET.seconds * scale) / seconds) * 100) / 100,
    timeMet: seconds <= SIM_BENCH_TARGET.seconds * scale,
    memoryMet: peakBytes <= SIM_BENCH_TARGET.peakBytes,
    phaseSeconds: report.phaseSeconds,
    sightingsRecorded: report.sightingsRecorded,
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      loadAverage: loadavg(),
    },
    report,
  };
  printResult(o.json === true, result, () => {
    const gb = (b: number) => `${(b / 2 ** 30).toFixed(2)} GB`;
    return [
      `bench sim: ${result.people.toLocaleString('en')} people × ${result.days} days (Node ${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpu})`,
      `  time      ${result.seconds} s (world ${report.phaseSeconds.world} s, phones and server ${report.phaseSeconds.phones} s, sample check ${report.phaseSeconds.sample} s); target ≤ ${Math.round(SIM_BENCH_TARGET.seconds * scale)} s: ${result.timeMet ? 'met' : 'not met'} (ratio ${result.timeRatio})`,
      `  memory    peak ${gb(peakBytes)} resident (heap ${gb(peakHeap)}); target ≤ ${gb(SIM_BENCH_TARGET.peakBytes)}: ${result.memoryMet ? 'met' : 'not met'}`,
      `  district  ${report.appUsers.toLocaleString('en')} phones, ${report.sightingsRecorded.toLocaleString('en')} sightings, F1 ${report.warnings.F1}, F2 ${report.warnings.F2}, keys published ${report.keysPublished}`,
    ].join('\n');
  });
}
