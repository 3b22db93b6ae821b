import { describe, expect, it } from 'vitest';
import { configuredAreas } from '../areas/area-codes.js';
import { CASES_2021_09_16, declaredProvince, f0ByProvince, seededUniform } from './phone-day-model.js';

const provinces = configuredAreas().provinces;

describe('phone-day model', () => {
  it('scales the 16 September 2021 distribution to exactly 15,000 F0 a day', () => {
    const f0 = f0ByProvince(provinces, 15_000);
    expect([...f0.values()].reduce((a, b) => a + b, 0)).toBe(15_000);
    const scale = 15_000 / CASES_2021_09_16.total;
    expect(f0.get('VN-57')).toBe(Math.round(2_998 * scale));
    expect(f0.get('VN-44')).toBe(Math.round(126 * scale));
    const counts = [...f0.values()];
    expect(counts.filter((n) => n === 0)).toHaveLength(CASES_2021_09_16.provincesWithNone);
    // The 31 small provinces stay under 100 cases of the day's bulletin (scaled).
    const small = [...f0].filter(([code, n]) => n > 0 && !(code in CASES_2021_09_16.named));
    expect(small).toHaveLength(CASES_2021_09_16.smallProvinces);
    for (const [, n] of small) expect(n).toBeLessThan(100 * scale);
  });

  it('declares another province than home, the same ones for the same seed', () => {
    const a = seededUniform(7);
    const b = seededUniform(7);
    for (let i = 0; i < 200; i++) {
      const one = declaredProvince(provinces, 'VN-SG', a);
      expect(one).not.toBe('VN-SG');
      expect(declaredProvince(provinces, 'VN-SG', b)).toBe(one);
    }
  });
});
