import { describe, expect, it } from 'vitest';
import { THAI_BINH } from '../demography/place-profile.js';
import { OPENABM_BASELINE } from './parameters.js';
import { placeDemography } from './place-demography.js';
import { VIETNAM_2020, withRegime } from './presets.js';
import { appShares } from './transmission.js';
import { overrideParameters, validatePlannerParameters } from './validate-parameters.js';

describe('planner presets and parameters', () => {
  it('takes a Vietnamese province’s ages and households from its census profile', () => {
    const demography = placeDemography(THAI_BINH);
    expect(demography.ageShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // Thái Bình: 0–5 10 % and 6–14 14.3 % of people, so 0–9 is 10 % + 4/9 of 14.3 % = 16.4 %.
    expect(demography.ageShares[0]).toBeCloseTo(0.1 + (4 / 9) * 0.143, 3);
    expect(demography.householdSizeShares).toEqual(THAI_BINH.householdSizeShares);
    expect(VIETNAM_2020).toMatchObject({ positivePlace: 'centralised', tracingNetworkDepth: 2 });
    expect(VIETNAM_2020.traced.f1.place).toBe('centralised');
    expect(VIETNAM_2020.traced.f2.place).toBe('home');
    expect(validatePlannerParameters(VIETNAM_2020)).toEqual([]);
  });

  it('keeps the overall adoption with the age profile, and scales work and random near the threshold', () => {
    const aged = { ...OPENABM_BASELINE, adoptionProfile: 'age' as const };
    const shares = appShares(aged, 0.4);
    const overall = shares.reduce((sum, s, g) => sum + s * (aged.population.ageShares[g] ?? 0), 0);
    expect(overall).toBeCloseTo(0.4, 9);
    expect(shares[0]).toBeLessThan(shares[3] ?? 0);
    expect(appShares(OPENABM_BASELINE, 0.4).every((s) => s === 0.4)).toBe(true);
    const near = withRegime(OPENABM_BASELINE, 'near-threshold').relativeTransmission;
    expect(near.household).toBe(2);
    expect(near.occupation).toBeCloseTo(0.2, 12);
    expect(near.random).toBeCloseTo(0.2, 12);
  });

  it('reports every problem of an override at once', () => {
    const { problems } = overrideParameters(OPENABM_BASELINE, {
      speed: 1,
      infectiousRate: 'fast',
      mildFraction: [0.1],
      traced: { f2: { place: 'hotel' } },
    });
    expect(problems).toEqual([
      'unknown parameter speed',
      'infectiousRate must be a number',
      'mildFraction must be a list of 9 numbers',
    ]);
    const place = overrideParameters(OPENABM_BASELINE, { traced: { f2: { place: 'hotel' } } });
    expect(place.problems).toEqual(["traced.f2.place must be 'home' or 'centralised'"]);
    const ok = overrideParameters(OPENABM_BASELINE, { traced: { f1: { compliance: 0.5 } } });
    expect(ok.problems).toEqual([]);
    expect(ok.parameters.traced.f1).toMatchObject({ compliance: 0.5, length: 14 });
  });
});
