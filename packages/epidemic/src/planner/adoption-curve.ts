import type { PlannerParameters } from './parameters.js';
import { type PlanProgress, type PlanScenario, runPlan, type Spread } from './plan.js';

/**
 * The version of what `adoptionCurve` computes: raise it whenever the model's mechanisms or defaults
 * change the figures, so that caches keyed on it (the server's `adoption_curves`) recompute.
 */
export const ADOPTION_CURVE_VERSION = 1;

/** One point of the console's "What adoption buys" curves: F1 only and F1 + F2 at one adoption. */
export interface AdoptionCurvePoint {
  readonly adoption: number;
  /** Share of infections averted (mean and spread over seeds), tracing F1 only and F1 + F2. */
  readonly cutF1: Spread;
  readonly cutF2: Spread;
  /** Quarantine load: person-days and most at once, F1 only and F1 + F2. */
  readonly quarantineDaysF1: Spread;
  readonly quarantineDaysF2: Spread;
  readonly mostInQuarantineF1: Spread;
  readonly mostInQuarantineF2: Spread;
}

/** The curves for an area and a parameter set: plain JSON, to be computed in the background and cached. */
export interface AdoptionCurve {
  readonly people: number;
  readonly days: number;
  readonly seeds: number;
  readonly seed: number;
  /** The no-app reference's total infected and quarantine person-days. */
  readonly reference: { readonly totalInfected: Spread; readonly quarantinePersonDays: Spread };
  readonly points: readonly AdoptionCurvePoint[];
}

export interface AdoptionCurveOptions {
  readonly people: number;
  readonly days: number;
  readonly seeds: number;
  readonly seed: number;
  readonly parameters: PlannerParameters;
  /** Adoption shares above 0, e.g. 0.1, 0.2, … 1. */
  readonly grid: readonly number[];
}

/**
 * Runs the plan for depth 1 and depth 2 over `grid` (paired seeds) and joins them into curves.
 * `onProgress` counts the runs of both depths together (done out of total, and the day of the current run).
 */
export function adoptionCurve(options: AdoptionCurveOptions, onProgress?: PlanProgress): AdoptionCurve {
  const plan = (depth: 1 | 2) =>
    runPlan(
      {
        ...options,
        adoption: options.grid,
        depth,
        parameters: { ...options.parameters, tracingNetworkDepth: depth },
      },
      onProgress && ((done, total, day) => onProgress(done + (depth - 1) * total, 2 * total, day)),
    );
  const f1 = plan(1);
  const f2 = plan(2);
  return {
    people: options.people,
    days: options.days,
    seeds: options.seeds,
    seed: options.seed,
    reference: {
      totalInfected: f1.reference.totalInfected,
      quarantinePersonDays: f1.reference.quarantinePersonDays,
    },
    points: f1.scenarios.map((one, i) => {
      const two = f2.scenarios[i] as PlanScenario;
      return {
        adoption: one.adoption,
        cutF1: one.infectionCut,
        cutF2: two.infectionCut,
        quarantineDaysF1: one.quarantinePersonDays,
        quarantineDaysF2: two.quarantinePersonDays,
        mostInQuarantineF1: one.mostInQuarantine,
        mostInQuarantineF2: two.mostInQuarantine,
      };
    }),
  };
}
