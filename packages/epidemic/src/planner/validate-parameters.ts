import { validateCourseParameters } from '../course/disease-course.js';
import type { PlannerParameters } from './parameters.js';

type Json = unknown;

/**
 * `base` with `overrides` (parsed JSON: any subset of the parameters, nested objects partially) laid
 * over it. Returns every problem instead of throwing: unknown names, wrong types, wrong lengths,
 * and then the checks of `validatePlannerParameters`.
 */
export function overrideParameters(
  base: PlannerParameters,
  overrides: Json,
): { parameters: PlannerParameters; problems: string[] } {
  const problems: string[] = [];
  const merged = merge(base, overrides, '', problems) as PlannerParameters;
  if (problems.length > 0) return { parameters: base, problems };
  return { parameters: merged, problems: validatePlannerParameters(merged) };
}

function merge(base: Json, override: Json, path: string, problems: string[]): Json {
  const where = path === '' ? 'the parameters' : path;
  if (Array.isArray(base)) {
    const fixedLength = path !== 'population.householdSizeShares';
    if (
      !Array.isArray(override) ||
      !override.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
      (fixedLength && override.length !== base.length)
    ) {
      problems.push(`${where} must be a list of ${fixedLength ? `${base.length} ` : ''}numbers`);
      return base;
    }
    return Object.freeze([...override]);
  }
  if (typeof base === 'object' && base !== null) {
    if (typeof override !== 'object' || override === null || Array.isArray(override)) {
      problems.push(`${where} must be an object`);
      return base;
    }
    const result: Record<string, Json> = { ...(base as Record<string, Json>) };
    for (const [key, value] of Object.entries(override)) {
      const name = path === '' ? key : `${path}.${key}`;
      if (!(key in result)) problems.push(`unknown parameter ${name}`);
      else result[key] = merge(result[key], value, name, problems);
    }
    return Object.freeze(result);
  }
  if (typeof override !== typeof base || (typeof override === 'number' && !Number.isFinite(override))) {
    problems.push(`${where} must be a ${typeof base}`);
    return base;
  }
  return override;
}

const share = (v: number): boolean => v >= 0 && v <= 1;
const positive = (v: number): boolean => v > 0;
const wholeDays = (v: number): boolean => Number.isInteger(v) && v >= 0 && v <= 365;

/** Every problem with `p` (empty when valid); types are already right. */
export function validatePlannerParameters(p: PlannerParameters): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  need(
    p.population.ageShares.every((v) => v >= 0) && sum(p.population.ageShares) > 0,
    'population.ageShares must be ≥ 0 with a positive sum',
  );
  const sizes = p.population.householdSizeShares;
  need(
    sizes.length >= 1 && sizes.length <= 12 && sizes.every((v) => v >= 0) && sum(sizes) > 0,
    'population.householdSizeShares needs 1–12 shares ≥ 0 with a positive sum',
  );
  for (const [name, value] of Object.entries(p.workInteractions))
    need(value >= 0 && value <= 100, `workInteractions.${name} must be from 0 to 100`);
  for (const [name, value] of Object.entries(p.randomInteractions))
    need(
      value.mean >= 0 && value.mean <= 100 && value.sd >= 0,
      `randomInteractions.${name} needs mean 0–100, sd ≥ 0`,
    );
  for (const [name, value] of Object.entries(p.relativeTransmission))
    need(value >= 0, `relativeTransmission.${name} must be ≥ 0`);
  for (const key of [
    'dailyFractionWork',
    'workNetworkRewire',
    'childNetworkAdults',
    'elderlyNetworkAdults',
  ] as const)
    need(share(p[key]), `${key} must be a share from 0 to 1`);
  need(
    Number.isInteger(p.seedInfections) && p.seedInfections >= 1,
    'seedInfections must be a whole number ≥ 1',
  );
  need(p.infectiousRate >= 0, 'infectiousRate must be ≥ 0');
  need(
    positive(p.infectiousPeriod.mean) && positive(p.infectiousPeriod.sd),
    'infectiousPeriod needs mean > 0 and sd > 0',
  );
  problems.push(...validateCourseParameters(p));
  need(p.appUsersFraction.every(share), 'appUsersFraction must be shares from 0 to 1');
  need(
    p.relativeSusceptibility.every((v) => v >= 0),
    'relativeSusceptibility must be ≥ 0',
  );
  for (const key of [
    'selfQuarantineFraction',
    'dailyNonCovSymptomsRate',
    'quarantineDropoutSelf',
    'testSensitivity',
    'quarantineDropoutPositive',
    'traceableInteractionFraction',
  ] as const)
    need(share(p[key]), `${key} must be a share from 0 to 1`);
  for (const key of [
    'quarantineLengthSelf',
    'testOrderWait',
    'testResultWait',
    'testInsensitivePeriod',
    'quarantineLengthPositive',
    'appTurnOnDay',
  ] as const)
    need(wholeDays(p[key]), `${key} must be whole days from 0 to 365`);
  need(
    Number.isInteger(p.tracingDays) && p.tracingDays >= 1 && p.tracingDays <= 14,
    'tracingDays must be 1–14',
  );
  need(p.tracingNetworkDepth === 1 || p.tracingNetworkDepth === 2, 'tracingNetworkDepth must be 1 or 2');
  need(
    p.adoptionProfile === 'uniform' || p.adoptionProfile === 'age',
    "adoptionProfile must be 'uniform' or 'age'",
  );
  const place = (v: string) => v === 'home' || v === 'centralised';
  need(place(p.positivePlace), "positivePlace must be 'home' or 'centralised'");
  for (const hop of ['f1', 'f2'] as const) {
    const q = p.traced[hop];
    need(
      share(q.compliance) && share(q.dailyDropout),
      `traced.${hop} compliance and dailyDropout must be shares`,
    );
    need(wholeDays(q.length), `traced.${hop}.length must be whole days from 0 to 365`);
    need(place(q.place), `traced.${hop}.place must be 'home' or 'centralised'`);
  }
  return problems;
}
