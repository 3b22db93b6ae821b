import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportType, type Sighting } from '../diagnosis.js';
import { isProtocolError } from '../errors.js';
import type { IntervalNumber, UnixSeconds } from '../time/interval.js';
import { matchDiagnosisKeys } from './matcher.js';
import { matchDiagnosisKeysReference } from './reference-matcher.js';
import { indexSightings } from './sighting-index.js';

const sighting = (seconds: number, rpi = new Uint8Array(16), aem = new Uint8Array(4)): Sighting => ({
  rpi,
  aem,
  rssi: -60,
  seconds: seconds as UnixSeconds,
});
const options = {
  rssiCorrection: 0,
  mapping: {
    daysSinceOnsetToInfectiousness: {},
    infectiousnessWhenDaysSinceOnsetMissing: 'standard' as const,
    reportTypeWhenMissing: ReportType.CONFIRMED_TEST,
  },
};

describe('sighting index', () => {
  it('marks exactly the intervals within ±12 of something heard as needed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 30 }), (heard) => {
        const base = 2_900_000;
        const index = indexSightings(heard.map((i) => sighting((base + i) * 600 + 7)));
        for (let j = base - 20; j <= base + 420; j++) {
          const expected = heard.some((i) => Math.abs(base + i - j) <= 12);
          const x = j - index.neededBase;
          expect(x >= 0 && x < index.needed.length && index.needed[x] === 1).toBe(expected);
        }
      }),
    );
  });

  it('rejects malformed sightings with one error code, in both matchers', () => {
    const bad = [
      [sighting(600, new Uint8Array(15))],
      [sighting(600, new Uint8Array(16), new Uint8Array(5))],
      [sighting(Number.NaN)],
      [sighting(-1)],
      [sighting(0), sighting(600 * 2 ** 21)],
    ];
    const key = {
      keyData: new Uint8Array(16),
      rollingStartIntervalNumber: 0 as IntervalNumber,
      rollingPeriod: 144,
      transmissionRiskLevel: 0,
      reportType: ReportType.CONFIRMED_TEST,
    };
    for (const log of bad) {
      for (const match of [matchDiagnosisKeys, matchDiagnosisKeysReference]) {
        let error: unknown;
        try {
          match([key], log, options);
        } catch (e) {
          error = e;
        }
        expect(isProtocolError(error, 'invalid_sighting')).toBe(true);
      }
    }
  });

  it('can be built once and reused for several key streams', () => {
    const log = [sighting(2_900_000 * 600), sighting(2_900_001 * 600 + 3)];
    const index = indexSightings(log);
    const keys = [
      {
        keyData: new Uint8Array(16).fill(9),
        rollingStartIntervalNumber: 2_899_872 as IntervalNumber,
        rollingPeriod: 144,
        transmissionRiskLevel: 0,
        reportType: ReportType.CONFIRMED_TEST,
      },
    ];
    expect(matchDiagnosisKeys(keys, index, options)).toEqual(matchDiagnosisKeys(keys, log, options));
    expect(matchDiagnosisKeys(keys, index, options)).toEqual({ keysRead: 1, matches: [] });
  });
});
