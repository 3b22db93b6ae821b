import type { Random } from '../random/random.js';
import type { PlannerParameters } from './parameters.js';

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
  /** Whether the person self-isolates and asks for a test at symptom onset. */
  readonly reports: boolean;
}

/** Rounded gamma time (mean, sd) of at least one day. */
const days = (random: Random, t: { mean: number; sd: number }): number =>
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
export function drawDiseaseCourse(p: PlannerParameters, ageGroup: number, random: Random): DiseaseCourse {
  const u = random.next();
  const asymptomatic = p.fractionAsymptomatic[ageGroup] ?? 0;
  const reports = random.bernoulli(p.selfQuarantineFraction);
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
