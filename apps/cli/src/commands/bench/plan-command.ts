// `bluezone bench plan`: one run of the planner's model (100,000 people × 120 days by default) on
// one core, timed and weighed against the targets of issue 11.

import { cpus, loadavg } from 'node:os';
import type { Command } from 'commander';
import { printResult } from '../../io.js';
import { integerOption } from '../../options.js';
import { adoptionList } from '../plan/plan-options.js';

interface PlanBenchOptions {
  people: string;
  days: string;
  adoption: string;
  depth: string;
  seed: string;
  json?: boolean;
}

/** The targets: 100,000 agents × 120 days in 20 s at most (OpenABM's C code: ~11 s), 1 GB at most. */
export const PLAN_BENCH_TARGET = Object.freeze({
  people: 100_000,
  days: 120,
  seconds: 20,
  peakBytes: 2 ** 30,
  openAbmSeconds: 11,
});

/** The bench's checked options. */
export function planBenchOptions(o: PlanBenchOptions) {
  const adoption = adoptionList(o.adoption);
  return {
    people: integerOption(o.people, '--people', 100, 2_000_000),
    days: integerOption(o.days, '--days', 1, 365),
    adoption: adoption[0] as number,
    depth: integerOption(o.depth, '--depth', 1, 2) as 1 | 2,
    seed: integerOption(o.seed, '--seed', 0, 4_000_000_000),
  };
}

export function registerPlanBench(bench: Command): void {
  bench
    .command('plan')
    .description(
      'the planner model at scale (default 100,000 people × 120 days, 60 % adoption, depth 2): time, agents·days/s and peak memory against the targets (20 s, 1 GB)',
    )
    .option('--people <n>', 'population size', String(PLAN_BENCH_TARGET.people))
    .option('--days <n>', 'simulated days', String(PLAN_BENCH_TARGET.days))
    .option('--adoption <share>', 'share of people with the app', '0.6')
    .option('--depth <n>', 'tracing depth (1 or 2)', '2')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print the result as JSON')
    .action((options: PlanBenchOptions) => runPlanBench(options));
}

async function runPlanBench(o: PlanBenchOptions): Promise<void> {
  const options = planBenchOptions(o);
  const sim = await import('@bluezone/sim');
  const parameters = { ...sim.OPENABM_BASELINE, tracingNetworkDepth: options.depth };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const model = new sim.PlannerModel(
    options.people,
    parameters,
    options.adoption,
    new sim.Random(options.seed),
  );
  const built = performance.now();
  const run = model.run(options.days);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  const scale = (options.people * options.days) / (PLAN_BENCH_TARGET.people * PLAN_BENCH_TARGET.days);
  const round = (x: number) => Math.round(x * 10) / 10;
  const result = {
    ...options,
    seconds: round(seconds),
    buildSeconds: round((built - started) / 1000),
    cpuSeconds: round(cpuSeconds),
    agentDaysPerSecond: Math.round((options.people * options.days) / seconds),
    peakBytes,
    target: PLAN_BENCH_TARGET,
    timeMet: seconds <= PLAN_BENCH_TARGET.seconds * scale,
    memoryMet: peakBytes <= PLAN_BENCH_TARGET.peakBytes,
    run: {
      totalInfected: run.totalInfected,
      quarantinePersonDays: run.quarantinePersonDays,
      appUsers: run.appUsers,
    },
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      loadAverage: loadavg(),
    },
  };
  printResult(o.json === true, result, () =>
    [
      `bench plan: ${options.people.toLocaleString('en')} agents × ${options.days} days, adoption ${options.adoption}, depth ${options.depth} (Node ${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpu}, load ${loadavg()[0]?.toFixed(1)})`,
      `  time     ${result.seconds} s wall (networks ${result.buildSeconds} s), ${result.cpuSeconds} s CPU; ${result.agentDaysPerSecond.toLocaleString('en')} agents·days/s; target ≤ ${round(PLAN_BENCH_TARGET.seconds * scale)} s: ${result.timeMet ? 'met' : 'not met'} (OpenABM's C code: ~${PLAN_BENCH_TARGET.openAbmSeconds} s at full size)`,
      `  memory   peak ${(peakBytes / 2 ** 20).toFixed(0)} MB resident; target ≤ 1024 MB: ${result.memoryMet ? 'met' : 'not met'}`,
      `  run      ${run.totalInfected.toLocaleString('en')} infected, ${run.quarantinePersonDays.toLocaleString('en')} quarantine-days, ${run.appUsers.toLocaleString('en')} app users`,
    ].join('\n'),
  );
}
