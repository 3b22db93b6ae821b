import { describe, expect, it } from 'vitest';
import { KEYS_BY_PROVINCE_METRIC, provinceStatistics } from './province-statistics.js';

describe('statistics per province', () => {
  it('sums F0 and F1 keys per province and a phone bytes a day against the national set', () => {
    const daily = [
      { metric: KEYS_BY_PROVINCE_METRIC, kind: 'VN-20 CONFIRMED_TEST', value: 28 },
      { metric: KEYS_BY_PROVINCE_METRIC, kind: 'VN-20 CONFIRMED_CLINICAL_DIAGNOSIS', value: 14 },
      { metric: KEYS_BY_PROVINCE_METRIC, kind: 'VN-20 RECURSIVE', value: 80 },
      { metric: KEYS_BY_PROVINCE_METRIC, kind: 'VN-HN RECURSIVE', value: 4 },
      { metric: KEYS_BY_PROVINCE_METRIC, kind: 'VN-99 RECURSIVE', value: 9 },
      { metric: 'keys_published', kind: 'RECURSIVE', value: 84 },
    ];
    const files = [
      { region: 'VN', sizeBytes: 300_000 },
      { region: 'VN', sizeBytes: 100_000 },
      { region: 'VN-20', sizeBytes: 40_000 },
      { region: 'VN-HN', sizeBytes: null },
    ];
    const result = provinceStatistics(['VN-20', 'VN-HN', 'VN-06'], 'VN', 2, daily, files);
    expect(result.national).toEqual({ bytesPerDay: 200_000 });
    expect(result.provinces).toEqual([
      { province: 'VN-20', f0Keys: 42, f1Keys: 80, bytesPerDay: 20_000, shareOfNational: 0.1 },
      { province: 'VN-HN', f0Keys: 0, f1Keys: 4, bytesPerDay: 0, shareOfNational: 0 },
      { province: 'VN-06', f0Keys: 0, f1Keys: 0, bytesPerDay: 0, shareOfNational: 0 },
    ]);
  });
});
