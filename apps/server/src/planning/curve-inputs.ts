import { createHash } from 'node:crypto';
import {
  ADOPTION_CURVE_VERSION,
  type AdoptionCurveOptions,
  OPENABM_BASELINE,
  PLANNER_REGIMES,
  type PlannerRegime,
  placeDemography,
  THAI_BINH,
  withRegime,
} from '@bluezone/epidemic';

/** The epidemic regimes an analyst may pick: OpenABM's baseline (a fast epidemic) and near the threshold. */
export const CURVE_REGIMES = PLANNER_REGIMES;
export type CurveRegime = PlannerRegime;

/** Adoption shares the curves are computed at (0 is the no-app reference of every run). */
export const CURVE_GRID: readonly number[] = Object.freeze([0.1, 0.2, 0.4, 0.6, 0.8, 1]);
/** Days simulated: OpenABM's 120, the app switched on at day 10 (docs/planner.md). */
export const CURVE_DAYS = 120;
/** First seed of the paired runs (seed, seed + 1, …). */
export const CURVE_SEED = 1;

/** Seeded infections in the near-threshold regime (OpenABM's baseline has 5). */
export const NEAR_THRESHOLD_SEED_INFECTIONS = 50;

/**
 * Where an area's age mix and household sizes come from. Our data has one census profile: the 2019
 * census's national age structure with household sizes of mean 3.5 (`THAI_BINH` in
 * packages/epidemic/src/demography/place-profile.ts); the area set has population totals only, so every
 * Vietnamese area uses it until per-province census tables are added — and then shares its curve.
 */
export const CURVE_DEMOGRAPHY = 'census-2019-vn';

export interface CurveSettings {
  readonly people: number;
  readonly seeds: number;
}

export interface CurveInputs {
  readonly hash: string;
  readonly regime: CurveRegime;
  readonly options: AdoptionCurveOptions;
}

/**
 * The model inputs of an area's curves in a regime, and their hash: the cache key. The area does not
 * enter the hash itself, only what the model sees of it (its demography), so areas with the same
 * inputs share one computation; a change of model version, demography, parameters or settings changes
 * the hash and asks for a new curve.
 */
export function curveInputs(regime: CurveRegime, settings: CurveSettings): CurveInputs {
  const parameters = withRegime(
    {
      ...OPENABM_BASELINE,
      population: placeDemography(THAI_BINH),
      // Near the threshold OpenABM's 5 seeded cases mostly die out by chance before the app matters;
      // docs/planner.md reports that regime with 50, and so does the panel.
      ...(regime === 'near-threshold' ? { seedInfections: NEAR_THRESHOLD_SEED_INFECTIONS } : {}),
    },
    regime,
  );
  const options: AdoptionCurveOptions = {
    people: settings.people,
    days: CURVE_DAYS,
    seeds: settings.seeds,
    seed: CURVE_SEED,
    parameters,
    grid: CURVE_GRID,
  };
  const hash = createHash('sha256')
    .update(
      JSON.stringify({ version: ADOPTION_CURVE_VERSION, demography: CURVE_DEMOGRAPHY, regime, options }),
    )
    .digest('hex');
  return { hash, regime, options };
}
