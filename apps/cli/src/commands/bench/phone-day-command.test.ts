import type { PhoneDayServerResult, PhoneDaySet } from '@bluezone/server';
import { describe, expect, it } from 'vitest';
import { phoneDayReport } from './phone-day-command.js';

const set = (name: string, population: number, keys: number, bytes: number): PhoneDaySet => ({
  set: name,
  population,
  keys,
  downloadedKeys: Math.max(keys, 1000),
  files: 1,
  zipBytes: bytes - 100,
  indexBytes: 40,
  configurationBytes: 60,
  bytes,
});

describe('bench phone-day report', () => {
  it('weights the median phone and the share under 1 MB by population, and names the epicentre', () => {
    const provinces = [
      set('VN-SG', 9, 700_000, 12_000_000),
      set('VN-20', 2, 3_000, 80_000),
      set('VN-06', 1, 500, 40_000),
    ];
    const result = { provinces, national: set('VN', 12, 1_400_000, 24_000_000) } as PhoneDayServerResult;
    const report = phoneDayReport(result, 10_000);
    // 9 of 12 people live in VN-SG: the middle phone is theirs.
    expect(report.medianPhoneBytes).toBe(12_000_000);
    expect(report.shareUnder1MB).toBe(0.25);
    expect(report.epicentre).toEqual({
      province: 'VN-SG',
      keys: 700_000,
      bytes: 12_000_000,
      matchSeconds: 70,
    });
    expect(Object.keys(report)).toEqual(['medianPhoneBytes', 'shareUnder1MB', 'epicentre', 'provinces']);
    expect(report.provinces[2]).toEqual({ province: 'VN-06', keys: 500, bytes: 40_000, matchSeconds: 0.1 });
  });
});
