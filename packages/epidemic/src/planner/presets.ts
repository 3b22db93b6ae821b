import { THAI_BINH } from '../demography/place-profile.js';
import { OPENABM_BASELINE, type PlannerParameters } from './parameters.js';
import { placeDemography } from './place-demography.js';

/** Policy presets: OpenABM's app scenario, and Vietnam's 2020 policy. */
export const PLANNER_PRESETS = ['openabm', 'vietnam-2020'] as const;
export type PlannerPreset = (typeof PLANNER_PRESETS)[number];

/** Epidemic regimes: OpenABM's baseline, and near the epidemic threshold. */
export const PLANNER_REGIMES = ['baseline', 'near-threshold'] as const;
export type PlannerRegime = (typeof PLANNER_REGIMES)[number];

/**
 * Vietnam 2020: the positive case (F0) and its direct contacts (F1) in centralised quarantine (no
 * household mixing, no drop-out), the contacts of contacts (F2) isolated at home; tracing two hops
 * deep; household sizes and ages of Thái Bình (2019 census, `THAI_BINH`). Compliance figures are
 * our assumptions (docs/planner.md).
 */
export const VIETNAM_2020: PlannerParameters = Object.freeze({
  ...OPENABM_BASELINE,
  population: placeDemography(THAI_BINH),
  positivePlace: 'centralised',
  tracingNetworkDepth: 2,
  traced: Object.freeze({
    f1: Object.freeze({ compliance: 0.95, length: 14, dailyDropout: 0, place: 'centralised' as const }),
    f2: Object.freeze({ compliance: 0.9, length: 14, dailyDropout: 0.03, place: 'home' as const }),
  }),
});

/** The preset's parameters. */
export function presetParameters(preset: PlannerPreset): PlannerParameters {
  return preset === 'vietnam-2020' ? VIETNAM_2020 : OPENABM_BASELINE;
}

/**
 * The regime applied to `parameters`: near the threshold, transmission on the occupation and random
 * networks × 0.2 (the definition), so that only households carry most of the spread.
 */
export function withRegime(parameters: PlannerParameters, regime: PlannerRegime): PlannerParameters {
  if (regime === 'baseline') return parameters;
  const t = parameters.relativeTransmission;
  return Object.freeze({
    ...parameters,
    relativeTransmission: Object.freeze({
      household: t.household,
      occupation: t.occupation * 0.2,
      random: t.random * 0.2,
    }),
  });
}
