import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.js';
import { loadCheckinVectors } from '../test-support/spec.js';
import { hashCheckIn, splitAtUtcMidnight } from './check-in.js';
import { matchCheckIns } from './check-in-matcher.js';
import { traceLocationIdHash } from './location-id.js';
import { overlapMinutes, overlapSeconds, type TraceTimeIntervalWarning } from './trace-warning.js';

// CWA's overlap scenarios (pt-calculate-overlap-data.json, as CWA's iOS tests carry them).
const { overlaps } = loadCheckinVectors();

describe("CWA's overlap scenarios", () => {
  it.each(overlaps)('$description', ({ checkIn, warning, overlapMinutes: expected }) => {
    const matches = matchCheckIns(
      [{ ...checkIn, locationIdHash: fromHex(checkIn.locationIdHash) }],
      [{ ...warning, locationIdHash: fromHex(warning.locationIdHash) }],
    );
    expect(matches.map((m) => m.overlapMinutes)).toEqual(expected === 0 ? [] : [expected]);
    if (checkIn.locationIdHash === warning.locationIdHash) {
      const w = { ...warning, locationIdHash: new Uint8Array(32) };
      expect(overlapMinutes(checkIn.checkInStart, checkIn.checkInEnd, w)).toBe(expected);
    }
  });
});

const ID = new Uint8Array(32).fill(7);
const HASH = traceLocationIdHash(ID);
const T0 = 1_700_000_400; // a multiple of 600: the start of interval 2,833,334
const warningAt = (start: number, period: number, trl = 5): TraceTimeIntervalWarning => ({
  locationIdHash: HASH,
  startIntervalNumber: start,
  period,
  transmissionRiskLevel: trl,
});

describe('overlap at interval boundaries', () => {
  const w = warningAt(T0 / 600, 1); // [T0, T0 + 600)
  it.each([
    ['ends exactly at the warning start', T0 - 600, T0, 0],
    ['starts exactly at the warning end', T0 + 600, T0 + 1200, 0],
    ['one second inside at the start', T0 - 600, T0 + 1, 0],
    ['29 seconds inside', T0 - 600, T0 + 29, 0],
    ['30 seconds inside rounds up', T0 - 600, T0 + 30, 1],
    ['89 seconds inside', T0 + 600 - 89, T0 + 600, 1],
    ['90 seconds inside rounds up', T0 + 600 - 90, T0 + 2000, 2],
    ['the whole interval', T0, T0 + 600, 10],
    ['spans the whole interval', T0 - 3600, T0 + 3600, 10],
    ['zero-length stay inside', T0 + 100, T0 + 100, 0],
  ])('%s', (_name, start, end, minutes) => {
    expect(overlapMinutes(start, end, w)).toBe(minutes);
  });

  it('never exceeds the shorter of the two and is symmetric in time shift (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.integer({ min: 1, max: 144 }), (a, d, period) => {
        const warning = warningAt(T0 / 600, period);
        const s = overlapSeconds(T0 - 5000 + a, T0 - 5000 + a + d, warning);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(Math.min(d, period * 600));
      }),
    );
  });
});

describe('matching', () => {
  const midnight = 1_700_006_400; // 2023-11-15T00:00:00Z
  const checkIn = hashCheckIn({ locationId: ID, checkInStart: midnight - 1800, checkInEnd: midnight + 1800 });

  it('splits a stay at UTC midnight and reports each day', () => {
    expect(splitAtUtcMidnight(midnight - 1800, midnight + 1800)).toEqual([
      { start: midnight - 1800, end: midnight, day: midnight / 86_400 - 1 },
      { start: midnight, end: midnight + 1800, day: midnight / 86_400 },
    ]);
    const matches = matchCheckIns([checkIn], [warningAt(midnight / 600 - 6, 12, 7)]);
    expect(matches).toEqual([
      { checkIn: 0, warning: 0, date: '2023-11-14', overlapMinutes: 30, transmissionRiskLevel: 7 },
      { checkIn: 0, warning: 0, date: '2023-11-15', overlapMinutes: 30, transmissionRiskLevel: 7 },
    ]);
  });

  it('finds only the venue warned about, and honours the minimum overlap', () => {
    const other = hashCheckIn({
      locationId: new Uint8Array(32).fill(8),
      checkInStart: midnight,
      checkInEnd: midnight + 3600,
    });
    const warnings = [warningAt(midnight / 600, 1), warningAt(midnight / 600 + 100, 1)];
    expect(matchCheckIns([other, checkIn], warnings)).toEqual([
      { checkIn: 1, warning: 0, date: '2023-11-15', overlapMinutes: 10, transmissionRiskLevel: 5 },
    ]);
    expect(matchCheckIns([other, checkIn], warnings, { minOverlapMinutes: 11 })).toEqual([]);
  });

  it('refuses a malformed check-in with a code', () => {
    expect(() => matchCheckIns([{ ...checkIn, locationIdHash: new Uint8Array(3) }], [])).toThrow(
      expect.objectContaining({ code: 'checkin_invalid_check_in' }),
    );
    expect(() => matchCheckIns([{ ...checkIn, checkInEnd: checkIn.checkInStart - 1 }], [])).toThrow(
      /check-out .* is before check-in/,
    );
  });
});
