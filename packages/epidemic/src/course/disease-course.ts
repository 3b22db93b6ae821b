import type { Random } from '../random/random.js';

/** OpenABM-Covid19's nine age groups (decades); age-dependent values are arrays over them. */
export type AgeValues = readonly [number, number, number, number, number, number, number, number, number];

/** A time drawn from a gamma distribution with this mean and standard deviation (days). */
export interface GammaTime {
  readonly mean: number;
  readonly sd: number;
}

/**
 * The course of disease, OpenABM-Covid19's natural history (its parameter dictionary and baseline
 * file): severity shares by age, how infectious each severity is, and the times between stages. One
 * course for both the district simulator and the planner (docs/planner.md lists the sources).
 */
export interface CourseParameters {
  readonly fractionAsymptomatic: AgeValues;
  readonly mildFraction: AgeValues;
  readonly hospitalisedFraction: AgeValues;
  readonly criticalFraction: AgeValues;
  readonly fatalityFraction: AgeValues;
  /** Infectiousness of an asymptomatic and of a mild infection relative to a moderate/severe one. */
  readonly asymptomaticInfectiousFactor: number;
  readonly mildInfectiousFactor: number;
  readonly timeToSymptoms: GammaTime;
  readonly asymptomaticToRecovery: GammaTime;
  readonly timeToRecover: GammaTime;
  /** Symptom onset to hospital: 5 or 6 days (shifted Bernoulli with this mean). */
  readonly meanTimeToHospital: number;
  /** Hospital to critical care: 2 or 3 days (shifted Bernoulli with this mean). */
  readonly meanTimeToCritical: number;
  readonly timeHospitalisedRecovery: GammaTime;
  readonly timeToDeath: GammaTime;
  readonly timeCriticalSurvive: GammaTime;
}

const ages = (...values: AgeValues): AgeValues => Object.freeze(values) as AgeValues;
const time = (mean: number, sd: number): GammaTime => Object.freeze({ mean, sd });

/** OpenABM-Covid19's baseline course (`tests/data/baseline_parameters_transpose.csv`). */
export const OPENABM_COURSE: CourseParameters = Object.freeze({
  fractionAsymptomatic: ages(0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25),
  mildFraction: ages(0.254, 0.229, 0.203, 0.178, 0.152, 0.127, 0.101, 0.0756, 0.05),
  hospitalisedFraction: ages(0.01, 0.03, 0.04, 0.06, 0.08, 0.12, 0.15, 0.16, 0.14),
  criticalFraction: ages(0.05, 0.05, 0.05, 0.05, 0.063, 0.122, 0.274, 0.432, 0.709),
  fatalityFraction: ages(0.33, 0.25, 0.5, 0.5, 0.5, 0.69, 0.65, 0.88, 1),
  asymptomaticInfectiousFactor: 0.29,
  mildInfectiousFactor: 0.48,
  timeToSymptoms: time(5.42, 2.7),
  asymptomaticToRecovery: time(15, 5),
  timeToRecover: time(12, 5),
  meanTimeToHospital: 5.14,
  meanTimeToCritical: 2.27,
  timeHospitalisedRecovery: time(8.75, 8.75),
  timeToDeath: time(11.74, 8.79),
  timeCriticalSurvive: time(18.8, 12.21),
});

/** How infectious a course's severity is, relative to a moderate/severe infection. */
export function severityInfectiousness(p: CourseParameters, severity: number): number {
  return severity === ASYMPTOMATIC
    ? p.asymptomaticInfectiousFactor
    : severity === MILD
      ? p.mildInfectiousFactor
      : 1;
}

/** Every problem with a course (empty when valid), names prefixed with `prefix`. */
export function validateCourseParameters(p: CourseParameters, prefix = ''): string[] {
  const problems: string[] = [];
  const share = (v: number): boolean => v >= 0 && v <= 1;
  for (const key of [
    'fractionAsymptomatic',
    'mildFraction',
    'hospitalisedFraction',
    'criticalFraction',
    'fatalityFraction',
  ] as const) {
    if (p[key].length !== 9 || !p[key].every(share))
      problems.push(`${prefix}${key} must be 9 shares from 0 to 1`);
  }
  if (!p.fractionAsymptomatic.every((v, i) => v + (p.mildFraction[i] ?? 0) <= 1))
    problems.push(`${prefix}fractionAsymptomatic + mildFraction must not exceed 1 in any age group`);
  for (const key of ['asymptomaticInfectiousFactor', 'mildInfectiousFactor'] as const)
    if (!share(p[key])) problems.push(`${prefix}${key} must be a share from 0 to 1`);
  for (const key of [
    'timeToSymptoms',
    'asymptomaticToRecovery',
    'timeToRecover',
    'timeHospitalisedRecovery',
    'timeToDeath',
    'timeCriticalSurvive',
  ] as const)
    if (!(p[key].mean > 0 && p[key].sd > 0)) problems.push(`${prefix}${key} needs mean > 0 and sd > 0`);
  for (const key of ['meanTimeToHospital', 'meanTimeToCritical'] as const)
    if (!(p[key] >= 0 && p[key] < 100)) problems.push(`${prefix}${key} must be from 0 to 100`);
  return problems;
}

/** Severity of an infection: never symptoms, mild symptoms, moderate/severe symptoms. */
export const ASYMPTOMATIC = 0;
export const MILD = 1;
export const SEVERE = 2;

/** Marks "never" in a course (no onset, no hospital). */
export const NEVER = -1;

/** The whole course of one infection, drawn at infection; days counted from the infection day. */
export interface DiseaseCourse {
  readonly severity: 0 | 1 | 2;
  readonly onset: number;
  readonly hospital: number;
  readonly critical: number;
  /** Recovery or death: infectiousness and infection end on that day. */
  readonly end: number;
  readonly dies: boolean;
  /** Whether the person reports symptoms (self-isolates, asks for a test): drawn with `reportShare`. */
  readonly reports: boolean;
}

/** Rounded gamma time (mean, sd) of at least one day. */
const days = (random: Random, t: GammaTime): number =>
  Math.max(1, Math.round(random.gammaMeanSd(t.mean, t.sd)));

/** n or n + 1 days, with mean `mean` (a shifted Bernoulli, as OpenABM draws it). */
const shiftedBernoulli = (random: Random, mean: number): number =>
  Math.floor(mean) + (random.bernoulli(mean - Math.floor(mean)) ? 1 : 0);

/**
 * OpenABM's natural history by age group: asymptomatic (recovers after τ_a,rec), mild (symptoms after
 * τ_sym, recovers τ_rec later) or moderate/severe (symptoms after τ_sym; hospital 5–6 days later for
 * a share, then critical care 2–3 days later for a share, who die after τ_death or survive
 * τ_crit,surv; the others recover τ_rec or τ_hosp,rec later).
 */
export function drawDiseaseCourse(
  p: CourseParameters,
  ageGroup: number,
  random: Random,
  reportShare: number,
): DiseaseCourse {
  const u = random.next();
  const asymptomatic = p.fractionAsymptomatic[ageGroup] ?? 0;
  const reports = random.bernoulli(reportShare);
  if (u < asymptomatic) {
    const end = days(random, p.asymptomaticToRecovery);
    return {
      severity: ASYMPTOMATIC,
      onset: NEVER,
      hospital: NEVER,
      critical: NEVER,
      end,
      dies: false,
      reports,
    };
  }
  const onset = days(random, p.timeToSymptoms);
  if (u < asymptomatic + (p.mildFraction[ageGroup] ?? 0)) {
    const end = onset + days(random, p.timeToRecover);
    return { severity: MILD, onset, hospital: NEVER, critical: NEVER, end, dies: false, reports };
  }
  if (!random.bernoulli(p.hospitalisedFraction[ageGroup] ?? 0)) {
    const end = onset + days(random, p.timeToRecover);
    return { severity: SEVERE, onset, hospital: NEVER, critical: NEVER, end, dies: false, reports };
  }
  const hospital = onset + shiftedBernoulli(random, p.meanTimeToHospital);
  if (!random.bernoulli(p.criticalFraction[ageGroup] ?? 0)) {
    const end = hospital + days(random, p.timeHospitalisedRecovery);
    return { severity: SEVERE, onset, hospital, critical: NEVER, end, dies: false, reports };
  }
  const critical = hospital + shiftedBernoulli(random, p.meanTimeToCritical);
  const dies = random.bernoulli(p.fatalityFraction[ageGroup] ?? 0);
  const end = critical + days(random, dies ? p.timeToDeath : p.timeCriticalSurvive);
  return { severity: SEVERE, onset, hospital, critical, end, dies, reports };
}

/** Each person's age decade (0 = 0–9 … 8 = 80 and over) from ages in years. */
export function ageDecades(years: ArrayLike<number>): Uint8Array {
  return Uint8Array.from({ length: years.length }, (_, i) => Math.min(8, Math.floor((years[i] ?? 0) / 10)));
}
