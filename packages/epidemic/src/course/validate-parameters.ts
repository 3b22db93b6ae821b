import { validateCourseParameters } from './disease-course.js';
import type { EpidemicParameters } from './parameters.js';

const positive = (value: number): boolean => Number.isFinite(value) && value > 0;
const share = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1;
const days = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 60;

/** Every problem with `p`, as human messages (empty when valid). */
export function validateEpidemicParameters(p: EpidemicParameters): string[] {
  const problems: string[] = [];
  if (!positive(p.hazardPerMinute)) problems.push(`hazardPerMinute must be > 0 (got ${p.hazardPerMinute})`);
  if (!positive(p.generationTime.shape)) problems.push('generationTime.shape must be > 0');
  if (!positive(p.generationTime.scale)) problems.push('generationTime.scale must be > 0');
  if (!(p.generationTimeTail >= 0 && p.generationTimeTail < 0.5)) {
    problems.push(`generationTimeTail must be in [0, 0.5) (got ${p.generationTimeTail})`);
  }
  problems.push(...validateCourseParameters(p.course, 'course.'));
  if (!positive(p.distance.referenceM)) problems.push('distance.referenceM must be > 0');
  if (!(Number.isFinite(p.distance.riskRatioPerM) && p.distance.riskRatioPerM >= 1)) {
    problems.push('distance.riskRatioPerM must be ≥ 1 (risk cannot grow with distance)');
  }
  if (p.dispersionK !== null && !positive(p.dispersionK)) problems.push('dispersionK must be > 0 or null');
  const t = p.testing;
  if (!share(t.symptomaticTestShare))
    problems.push('testing.symptomaticTestShare must be a share from 0 to 1');
  for (const key of ['symptomaticDelayWeights', 'warnedDelayWeights'] as const) {
    const weights = t[key];
    const valid = weights.every((w) => Number.isFinite(w) && w >= 0);
    if (weights.length === 0 || weights.length > 31 || !valid || weights.reduce((a, b) => a + b, 0) <= 0) {
      problems.push(`testing.${key} needs 1–31 non-negative weights with a positive sum`);
    }
  }
  if (!share(t.sensitivity)) problems.push('testing.sensitivity must be a share from 0 to 1');
  for (const key of [
    'resultDelayDays',
    'beforeOnsetDays',
    'afterOnsetDays',
    'asymptomaticFromDay',
    'asymptomaticUntilDay',
  ] as const) {
    if (!days(t[key])) problems.push(`testing.${key} must be a whole number of days from 0 to 60`);
  }
  if (t.asymptomaticFromDay > t.asymptomaticUntilDay) {
    problems.push('testing.asymptomaticFromDay must not be after testing.asymptomaticUntilDay');
  }
  return problems;
}
