import { type AgeValues, type CourseParameters, OPENABM_COURSE } from '../course/disease-course.js';

/**
 * The planner's parameters: OpenABM-Covid19's baseline (Hinch et al. 2021, its parameter dictionary
 * and `tests/data/baseline_parameters_transpose.csv`), under our names; docs/planner.md lists each
 * with its OpenABM name and source. Age-dependent values are arrays over AGE_GROUPS. Days are whole.
 */

/** OpenABM's nine age groups, by decade. */
export const AGE_GROUPS = [
  '0-9',
  '10-19',
  '20-29',
  '30-39',
  '40-49',
  '50-59',
  '60-69',
  '70-79',
  '80+',
] as const;

/** How a traced contact is kept away from others. */
export type QuarantinePlace = 'home' | 'centralised';

/** The planner's parameters: the shared course of disease (`CourseParameters`) and the rest. */
export interface PlannerParameters extends CourseParameters {
  /** Population: share of people in each age group and of households of 1, 2, … people. */
  readonly population: { readonly ageShares: AgeValues; readonly householdSizeShares: readonly number[] };
  /** Occupation networks: mean daily interactions (child 0–19, adult 20–69, elderly 70+). */
  readonly workInteractions: { readonly child: number; readonly adult: number; readonly elderly: number };
  readonly dailyFractionWork: number;
  readonly workNetworkRewire: number;
  /** Adults per child (0–19) and per elderly person (70+) placed on those occupation networks. */
  readonly childNetworkAdults: number;
  readonly elderlyNetworkAdults: number;
  /** Random network: mean and standard deviation of daily interactions (negative binomial). */
  readonly randomInteractions: {
    readonly child: { readonly mean: number; readonly sd: number };
    readonly adult: { readonly mean: number; readonly sd: number };
    readonly elderly: { readonly mean: number; readonly sd: number };
  };
  /** Infection. */
  readonly seedInfections: number;
  readonly infectiousRate: number;
  readonly infectiousPeriod: { readonly mean: number; readonly sd: number };
  readonly relativeSusceptibility: AgeValues;
  readonly relativeTransmission: {
    readonly household: number;
    readonly occupation: number;
    readonly random: number;
  };
  /** Self-isolation on symptoms (and on flu-like symptoms that are not COVID-19). */
  readonly selfQuarantineFraction: number;
  readonly dailyNonCovSymptomsRate: number;
  readonly quarantineLengthSelf: number;
  readonly quarantineDropoutSelf: number;
  /** Testing on symptoms. */
  readonly testOnSymptoms: boolean;
  readonly testOrderWait: number;
  readonly testResultWait: number;
  readonly testInsensitivePeriod: number;
  readonly testSensitivity: number;
  readonly quarantineLengthPositive: number;
  readonly quarantineDropoutPositive: number;
  /** Where a positive case (F0) is isolated. */
  readonly positivePlace: QuarantinePlace;
  /** The app. */
  readonly appTurnOnDay: number;
  /** 'uniform': each person has the app with the adoption share; 'age': shaped by `appUsersFraction`. */
  readonly adoptionProfile: 'uniform' | 'age';
  readonly appUsersFraction: AgeValues;
  readonly traceableInteractionFraction: number;
  /** Days of interactions traced back (OpenABM's `quarantine_days`). */
  readonly tracingDays: number;
  readonly tracingNetworkDepth: 1 | 2;
  /** Tracing also on hospital admission (OpenABM's `allow_clinical_diagnosis`). */
  readonly traceOnHospitalisation: boolean;
  /** Traced contacts: F1 (depth 1) and F2 (depth 2). */
  readonly traced: {
    readonly f1: TracedQuarantine;
    readonly f2: TracedQuarantine;
  };
}

export interface TracedQuarantine {
  readonly compliance: number;
  readonly length: number;
  readonly dailyDropout: number;
  readonly place: QuarantinePlace;
}

const ages = (...values: AgeValues): AgeValues => Object.freeze(values) as AgeValues;

/** Home quarantine of a traced contact after a positive test (OpenABM `*_traced_positive`). */
const TRACED_HOME: TracedQuarantine = Object.freeze({
  compliance: 0.9,
  length: 14,
  dailyDropout: 0.03,
  place: 'home',
});

/** OpenABM-Covid19's baseline with the app scenario's interventions (docs/planner.md). */
export const OPENABM_BASELINE: PlannerParameters = Object.freeze({
  ...OPENABM_COURSE,
  population: Object.freeze({
    // UK population by decade (ONS, thousands) and households of 1–6 people (ONS).
    ageShares: normalise([8054, 7528, 8712, 8835, 8500, 8968, 7069, 5488, 3281]),
    householdSizeShares: Object.freeze([7452, 9936, 4416, 4140, 1104, 552].map((n) => n / 27600)),
  }),
  workInteractions: Object.freeze({ child: 10, adult: 7, elderly: 3 }),
  dailyFractionWork: 0.5,
  workNetworkRewire: 0.1,
  childNetworkAdults: 0.2,
  elderlyNetworkAdults: 0.2,
  randomInteractions: Object.freeze({
    child: Object.freeze({ mean: 2, sd: 2 }),
    adult: Object.freeze({ mean: 4, sd: 4 }),
    elderly: Object.freeze({ mean: 3, sd: 3 }),
  }),
  seedInfections: 5,
  infectiousRate: 5.64,
  infectiousPeriod: Object.freeze({ mean: 5.5, sd: 2.14 }),
  relativeSusceptibility: ages(0.35, 0.69, 1.03, 1.03, 1.03, 1.03, 1.27, 1.52, 1.52),
  relativeTransmission: Object.freeze({ household: 2, occupation: 1, random: 1 }),
  selfQuarantineFraction: 0.8,
  dailyNonCovSymptomsRate: 0.002,
  quarantineLengthSelf: 7,
  quarantineDropoutSelf: 0.02,
  testOnSymptoms: true,
  testOrderWait: 1,
  testResultWait: 1,
  testInsensitivePeriod: 3,
  testSensitivity: 0.8,
  quarantineLengthPositive: 14,
  quarantineDropoutPositive: 0.02,
  positivePlace: 'home',
  appTurnOnDay: 10,
  adoptionProfile: 'uniform',
  appUsersFraction: ages(0.09, 0.8, 0.97, 0.96, 0.94, 0.86, 0.7, 0.48, 0.32),
  traceableInteractionFraction: 0.8,
  tracingDays: 7,
  tracingNetworkDepth: 1,
  traceOnHospitalisation: true,
  traced: Object.freeze({ f1: TRACED_HOME, f2: TRACED_HOME }),
});

function normalise(values: readonly number[]): AgeValues {
  const total = values.reduce((a, b) => a + b, 0);
  return Object.freeze(values.map((v) => v / total)) as unknown as AgeValues;
}
