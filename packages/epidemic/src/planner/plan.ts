import { Random } from '../random/random.js';
import type { PlannerParameters } from './parameters.js';
import { PlannerModel, type PlannerRunResult } from './planner-model.js';

/** What `runPlan` compares: adoption levels, tracing depth, seeds. */
export interface PlanOptions {
  readonly people: number;
  readonly days: number;
  /** App adoption shares to compare with the reference run without the app. */
  readonly adoption: readonly number[];
  readonly depth: 1 | 2;
  readonly seeds: number;
  /** Seed of the first run; run k uses seed + k (the same seed for every scenario: paired runs). */
  readonly seed: number;
  readonly parameters: PlannerParameters;
}

/** Mean, smallest and largest value over the seeds. */
export interface Spread {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/** One scenario summed up over the seeds. */
export interface PlanScenario {
  readonly adoption: number;
  readonly totalInfected: Spread;
  readonly peakDailyInfections: Spread;
  readonly peakDay: Spread;
  readonly deaths: Spread;
  readonly quarantineEntries: Spread;
  readonly quarantinePersonDays: Spread;
  readonly mostInQuarantine: Spread;
  /** Share of infections averted against the reference run of the same seed (0.3 = 30 % fewer). */
  readonly infectionCut: Spread;
  /** Infections averted per 1,000 quarantine-days more than the reference; null when none more. */
  readonly avertedPer1000QuarantineDays: Spread | null;
  /** Mean new infections by transmission per day (seeded cases not included). */
  readonly dailyInfections: readonly number[];
}

/** The answer of `bluezone plan` (and the console panel's data): a JSON-ready object. */
export interface PlanResult {
  readonly people: number;
  readonly days: number;
  readonly depth: 1 | 2;
  readonly seeds: number;
  readonly seed: number;
  readonly appTurnOnDay: number;
  /** The same runs without the app: self-isolation and testing on symptoms only. */
  readonly reference: PlanScenario;
  readonly scenarios: readonly PlanScenario[];
}

/** Progress: runs done out of the total, and the day within the current run. */
export type PlanProgress = (done: number, total: number, day: number) => void;

/** Runs the reference and every adoption level for every seed, and sums them up. */
export function runPlan(options: PlanOptions, onProgress?: PlanProgress): PlanResult {
  const levels = [0, ...options.adoption];
  const total = levels.length * options.seeds;
  let done = 0;
  const runs = levels.map((adoption) =>
    Array.from({ length: options.seeds }, (_, k) => {
      const model = new PlannerModel(
        options.people,
        options.parameters,
        adoption,
        new Random(options.seed + k),
      );
      const result = model.run(options.days, (day) => onProgress?.(done, total, day));
      onProgress?.(++done, total, options.days);
      return result;
    }),
  );
  const reference = runs[0] as PlannerRunResult[];
  return {
    people: options.people,
    days: options.days,
    depth: options.depth,
    seeds: options.seeds,
    seed: options.seed,
    appTurnOnDay: options.parameters.appTurnOnDay,
    reference: summarise(0, reference, reference),
    scenarios: runs.slice(1).map((seeds, i) => summarise(options.adoption[i] as number, seeds, reference)),
  };
}

function summarise(adoption: number, runs: PlannerRunResult[], reference: PlannerRunResult[]): PlanScenario {
  const of = (pick: (run: PlannerRunResult, k: number) => number) => spread(runs.map(pick));
  const averted = runs.map((run, k) => (reference[k] as PlannerRunResult).totalInfected - run.totalInfected);
  const extraDays = runs.map(
    (run, k) => run.quarantinePersonDays - (reference[k] as PlannerRunResult).quarantinePersonDays,
  );
  const perExtra: number[] = [];
  extraDays.forEach((extra, k) => {
    if (extra > 0) perExtra.push((1000 * (averted[k] as number)) / extra);
  });
  const days = runs[0]?.dailyInfections.length ?? 0;
  return {
    adoption,
    totalInfected: of((run) => run.totalInfected),
    peakDailyInfections: of((run) => run.peakDailyInfections),
    peakDay: of((run) => run.peakDay),
    deaths: of((run) => run.deaths),
    quarantineEntries: of((run) => run.quarantineEntries),
    quarantinePersonDays: of((run) => run.quarantinePersonDays),
    mostInQuarantine: of((run) => run.mostInQuarantine),
    infectionCut: of(
      (_, k) => (averted[k] as number) / Math.max(1, (reference[k] as PlannerRunResult).totalInfected),
    ),
    avertedPer1000QuarantineDays: perExtra.length === runs.length && adoption > 0 ? spread(perExtra) : null,
    dailyInfections: Array.from({ length: days }, (_, d) =>
      round(runs.reduce((sum, run) => sum + (run.dailyInfections[d] ?? 0), 0) / runs.length),
    ),
  };
}

function spread(values: readonly number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { mean: round(mean), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;
