import { type CourseParameters, OPENABM_COURSE } from './disease-course.js';

/**
 * Parameters of the epidemic model, with their sources (details in docs/simulator.md, "Epidemic").
 * Times are in days unless a name says otherwise.
 */
export interface EpidemicParameters {
  /**
   * Transmission hazard per minute of contact at the reference distance, per unit of infectiousness
   * density (1/day, the generation-time density below integrates to 1). So `hazardPerMinute × M` is
   * the expected number of infections of one susceptible kept at 1 m from a symptomatic case for
   * M minutes on every day of the infection. Calibrated so that R0 ≈ 2–2.5 in the simulated
   * district (`calibration.test.ts`).
   */
  readonly hazardPerMinute: number;
  /** Infectiousness over time since infection: Weibull density of the generation time (Ferretti et al. 2020). */
  readonly generationTime: { readonly shape: number; readonly scale: number };
  /** Infectiousness outside the central 1 − tail of the generation time is dropped (the rest rescaled). */
  readonly generationTimeTail: number;
  /**
   * Course of disease: severity by age (asymptomatic, mild, moderate/severe), how infectious each is,
   * the time to symptom onset — OpenABM-Covid19's, shared with the planner (`disease-course.ts`).
   */
  readonly course: CourseParameters;
  /** Distance dependence: factor riskRatioPerM^−(d − referenceM), so 1 at the reference (Chu et al. 2020). */
  readonly distance: { readonly referenceM: number; readonly riskRatioPerM: number };
  /**
   * Individual variation of infectiousness: a gamma multiplier of mean 1 and this shape (the negative
   * binomial dispersion k of the offspring number); null for none (every case alike, as in Ferretti).
   */
  readonly dispersionK: number | null;
  readonly testing: TestingParameters;
}

/** Who gets tested, when, and when a test finds the virus. Whole days. */
export interface TestingParameters {
  /** Share of symptomatic people who get tested because of their symptoms (the others never do). */
  readonly symptomaticTestShare: number;
  /** Weights of the delay from symptom onset to the test: index = days after the onset day. */
  readonly symptomaticDelayWeights: readonly number[];
  /** Weights of the delay from a warning (`requestTest`) to the test: index = days after. */
  readonly warnedDelayWeights: readonly number[];
  /** Days from the test to its result. */
  readonly resultDelayDays: number;
  /** Chance that a test inside the detectable window is positive. */
  readonly sensitivity: number;
  /** Detectable window of a symptomatic infection: from this many days before onset … */
  readonly beforeOnsetDays: number;
  /** … to this many days after the onset day. */
  readonly afterOnsetDays: number;
  /** Detectable window of an asymptomatic infection, days after the infection day: from … */
  readonly asymptomaticFromDay: number;
  /** … to (inclusive). */
  readonly asymptomaticUntilDay: number;
}

/** Defaults from the literature where it has a figure, assumptions otherwise (see docs/simulator.md). */
export const DEFAULT_EPIDEMIC: EpidemicParameters = Object.freeze({
  hazardPerMinute: 0.0017,
  generationTime: Object.freeze({ shape: 2.83, scale: 5.67 }),
  generationTimeTail: 0.01,
  course: OPENABM_COURSE,
  distance: Object.freeze({ referenceM: 1, riskRatioPerM: 2.02 }),
  dispersionK: null,
  testing: Object.freeze({
    symptomaticTestShare: 0.7,
    symptomaticDelayWeights: Object.freeze([0.1, 0.25, 0.3, 0.2, 0.1, 0.05]),
    warnedDelayWeights: Object.freeze([0.2, 0.6, 0.2]),
    resultDelayDays: 1,
    sensitivity: 1,
    beforeOnsetDays: 2,
    afterOnsetDays: 14,
    asymptomaticFromDay: 3,
    asymptomaticUntilDay: 14,
  }),
});

/** Overrides of the defaults: any field, nested groups partially. */
export type EpidemicOverrides = Partial<
  Omit<EpidemicParameters, 'generationTime' | 'course' | 'distance' | 'testing'>
> & {
  readonly generationTime?: Partial<EpidemicParameters['generationTime']>;
  readonly course?: Partial<CourseParameters>;
  readonly distance?: Partial<EpidemicParameters['distance']>;
  readonly testing?: Partial<TestingParameters>;
};

/** Defaults merged with `overrides` (shallow, and one level into the nested groups). */
export function epidemicParameters(overrides: EpidemicOverrides = {}): EpidemicParameters {
  const base = DEFAULT_EPIDEMIC;
  return Object.freeze({
    ...base,
    ...overrides,
    generationTime: { ...base.generationTime, ...overrides.generationTime },
    course: { ...base.course, ...overrides.course },
    distance: { ...base.distance, ...overrides.distance },
    testing: { ...base.testing, ...overrides.testing },
  });
}
