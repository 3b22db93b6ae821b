import { describe, expect, it } from 'vitest';
import { OPENABM_COURSE } from './disease-course.js';
import { distanceFactor, InfectiousnessProfile, weibullQuantile } from './infectiousness.js';
import { DEFAULT_EPIDEMIC, type EpidemicParameters, epidemicParameters } from './parameters.js';
import { validateEpidemicParameters } from './validate-parameters.js';

describe('epidemic parameters', () => {
  it('accepts the frozen defaults and merges overrides one level deep', () => {
    expect(validateEpidemicParameters(DEFAULT_EPIDEMIC)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_EPIDEMIC)).toBe(true);
    expect(Object.isFrozen(DEFAULT_EPIDEMIC.testing)).toBe(true);
    const merged = epidemicParameters({ testing: { sensitivity: 0.8 }, distance: { riskRatioPerM: 3 } });
    expect(merged.testing.sensitivity).toBe(0.8);
    expect(merged.testing.resultDelayDays).toBe(1);
    expect(merged.distance).toEqual({ referenceM: 1, riskRatioPerM: 3 });
  });

  it('lists every problem at once', () => {
    const broken: EpidemicParameters = {
      hazardPerMinute: 0,
      generationTime: { shape: -1, scale: Number.NaN },
      generationTimeTail: 0.7,
      course: {
        ...OPENABM_COURSE,
        timeToSymptoms: { mean: Number.POSITIVE_INFINITY, sd: 0 },
        fractionAsymptomatic: [1.2, 0, 0, 0, 0, 0, 0, 0, 0],
        asymptomaticInfectiousFactor: -0.1,
      },
      distance: { referenceM: 0, riskRatioPerM: 0.5 },
      dispersionK: 0,
      testing: {
        symptomaticTestShare: -1,
        symptomaticDelayWeights: [],
        warnedDelayWeights: [1, -1],
        resultDelayDays: 0.5,
        sensitivity: 2,
        beforeOnsetDays: -1,
        afterOnsetDays: 100,
        asymptomaticFromDay: 10,
        asymptomaticUntilDay: 5,
      },
    };
    const problems = validateEpidemicParameters(broken);
    expect(problems).toHaveLength(19);
    for (const name of ['hazardPerMinute', 'generationTime.shape', 'dispersionK', 'testing.sensitivity']) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
  });

  it('tabulates an infectiousness profile that integrates to 1 over the central 99 %', () => {
    const profile = new InfectiousnessProfile(DEFAULT_EPIDEMIC);
    const sum = profile.table.reduce((total, w) => total + (w * 5) / 1440, 0);
    expect(sum).toBeCloseTo(1, 3);
    expect(profile.startMinute / 1440).toBeCloseTo(weibullQuantile(0.005, 2.83, 5.67), 2);
    expect(profile.startMinute / 1440).toBeGreaterThan(0.8);
    expect(profile.endMinute / 1440).toBeGreaterThan(10);
    expect(profile.endMinute / 1440).toBeLessThan(10.5);
    expect(profile.at(-1)).toBe(0);
    expect(profile.at(0)).toBe(0);
    expect(profile.at(5 * 1440)).toBeGreaterThan(profile.at(2 * 1440));
    let mean = 0;
    profile.table.forEach((w, k) => {
      mean += (((k + 0.5) * 5) / 1440) * ((w * 5) / 1440);
    });
    // Weibull(2.83, 5.67) has mean 5.67 Γ(1 + 1/2.83) = 5.05 days; the trimmed tails barely move it.
    expect(mean).toBeGreaterThan(4.95);
    expect(mean).toBeLessThan(5.15);
  });

  it('weighs distance by 2.02 per metre around 1 m (Chu et al. 2020)', () => {
    expect(distanceFactor(1, DEFAULT_EPIDEMIC.distance)).toBeCloseTo(1, 10);
    expect(distanceFactor(2, DEFAULT_EPIDEMIC.distance)).toBeCloseTo(1 / 2.02, 10);
    expect(distanceFactor(0, DEFAULT_EPIDEMIC.distance)).toBeCloseTo(2.02, 10);
  });
});
