import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DiagnosisKey, type DiagnosisKeysDataMapping, ReportType, type Sighting } from '../diagnosis.js';
import {
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encryptAssociatedMetadata,
} from '../keys/derivation.js';
import { encodeMetadata } from '../keys/metadata.js';
import { type IntervalNumber, ROLLING_PERIOD, type UnixSeconds } from '../time/interval.js';
import { keyPolicy } from './key-policy.js';
import { matchDiagnosisKeys } from './matcher.js';
import { matchDiagnosisKeysReference } from './reference-matcher.js';

const mapping = (reportTypeWhenMissing: ReportType): DiagnosisKeysDataMapping => ({
  daysSinceOnsetToInfectiousness: {
    [-3]: 'standard',
    [-2]: 'high',
    0: 'high',
    1: 'high',
    2: 'standard',
    5: 'none',
  },
  infectiousnessWhenDaysSinceOnsetMissing: 'standard',
  reportTypeWhenMissing,
});

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const keyArb = fc.record({
  tek: bytes(16),
  day: fc.integer({ min: 0, max: 2 }),
  /** Mostly UTC-midnight rolling starts, sometimes mid-day (keys cut short or started late). */
  startShift: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 143 })),
  period: fc.oneof(fc.constant(ROLLING_PERIOD), fc.integer({ min: 1, max: ROLLING_PERIOD })),
  reportType: fc.constantFrom(...Object.values(ReportType)),
  daysSinceOnset: fc.option(fc.constantFrom(-3, -2, 0, 1, 2, 5, 9), { nil: undefined }),
});
/** A run of true sightings of one key: `length` consecutive intervals, heard `delta` intervals off. */
const plantArb = fc.record({
  key: fc.nat(),
  offset: fc.nat(),
  length: fc.integer({ min: 1, max: 6 }),
  delta: fc.integer({ min: -14, max: 14 }),
  /** Seconds into the interval: a few fixed scan times (so sightings share scans) or anywhere. */
  at: fc.oneof(fc.constantFrom(0, 4, 290, 296, 597), fc.integer({ min: 0, max: 599 })),
  rssi: fc.integer({ min: -105, max: -25 }),
  txPower: fc.integer({ min: -40, max: 20 }),
  confidence: fc.constantFrom(0, 1, 2, 3),
  duplicate: fc.boolean(),
});
const noiseArb = fc.record({
  rpi: bytes(16),
  aem: bytes(4),
  interval: fc.integer({ min: -20, max: 460 }),
  at: fc.integer({ min: 0, max: 599 }),
});
const caseArb = fc.record({
  /** Mostly today's days; sometimes the last days of uint32 interval numbers (periods cut there). */
  firstDay: fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 18_000, max: 22_000 }) },
    { weight: 1, arbitrary: fc.constant(29_826_159) },
  ),
  keys: fc.array(keyArb, { minLength: 1, maxLength: 5 }),
  plants: fc.array(plantArb, { maxLength: 12 }),
  noise: fc.array(noiseArb, { maxLength: 25 }),
  reportTypeWhenMissing: fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<ReportType>,
  rssiCorrection: fc.integer({ min: -12, max: 12 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds keys and a log from a case; also returns how many sightings must match (|delta| ≤ 12). */
function build(c: Case) {
  const keys: DiagnosisKey[] = c.keys.map((k) => ({
    keyData: k.tek,
    rollingStartIntervalNumber: Math.min(
      0xffffffff,
      (c.firstDay + k.day) * ROLLING_PERIOD + k.startShift,
    ) as IntervalNumber,
    rollingPeriod: k.period,
    transmissionRiskLevel: 0,
    reportType: k.reportType,
    daysSinceOnsetOfSymptoms: k.daysSinceOnset,
  }));
  const log: Sighting[] = [];
  let expected = 0;
  for (const p of c.plants) {
    const key = keys[p.key % keys.length] as DiagnosisKey;
    const rpik = deriveRollingProximityIdentifierKey(key.keyData);
    const aemk = deriveAssociatedEncryptedMetadataKey(key.keyData);
    const metadata = encodeMetadata({
      versionMajor: 1,
      versionMinor: 1,
      txPower: p.txPower,
      calibrationConfidence: p.confidence as 0,
    });
    const first = p.offset % key.rollingPeriod;
    // Interval numbers end at 2^32 − 1: a period running past it is cut there.
    const length = Math.min(
      p.length,
      key.rollingPeriod - first,
      0x1_0000_0000 - key.rollingStartIntervalNumber - first,
    );
    if (length <= 0) continue;
    const rpis = deriveRollingProximityIdentifiers(
      rpik,
      (key.rollingStartIntervalNumber + first) as IntervalNumber,
      length,
    );
    rpis.forEach((rpi, r) => {
      const heardAt = key.rollingStartIntervalNumber + first + r + p.delta;
      const sighting = {
        rpi,
        aem: encryptAssociatedMetadata(aemk, rpi, metadata),
        rssi: p.rssi,
        seconds: (heardAt * 600 + p.at) as UnixSeconds,
      };
      const copies = p.duplicate ? 2 : 1;
      for (let n = 0; n < copies; n++) log.push(sighting);
      if (Math.abs(p.delta) <= 12 && keyPolicy(key, mapping(c.reportTypeWhenMissing)) !== undefined)
        expected += copies;
    });
  }
  for (const n of c.noise) {
    log.push({
      rpi: n.rpi,
      aem: n.aem,
      rssi: -70,
      seconds: ((c.firstDay * ROLLING_PERIOD + n.interval) * 600 + n.at) as UnixSeconds,
    });
  }
  return { keys, log, expected };
}

describe('fast matcher equals the full-derivation reference', () => {
  it('gives exactly the same matches and windows on random keys and logs', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, shuffle) => {
        const { keys, log, expected } = build(c);
        if (shuffle) log.reverse();
        const options = { rssiCorrection: c.rssiCorrection, mapping: mapping(c.reportTypeWhenMissing) };
        const fast = matchDiagnosisKeys(keys, log, options);
        const reference = matchDiagnosisKeysReference(keys, log, options);
        expect(fast).toEqual(reference);
        // Not vacuous: every planted sighting within ±12 intervals of a matching key is found (two
        // keys with the same TEK would find each other's sightings too, which random TEKs never are).
        expect(fast.matches.reduce((n, m) => n + m.sightings, 0)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('matches nothing in an empty log and reads every key of the stream', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 5 }), (ks) => {
        const keys = build({
          firstDay: 19_000,
          keys: ks,
          plants: [],
          noise: [],
          reportTypeWhenMissing: 1,
          rssiCorrection: 0,
        }).keys;
        const options = { rssiCorrection: 0, mapping: mapping(1) };
        expect(matchDiagnosisKeys(keys, [], options)).toEqual({ keysRead: keys.length, matches: [] });
        expect(matchDiagnosisKeysReference(keys, [], options)).toEqual({
          keysRead: keys.length,
          matches: [],
        });
      }),
    );
  });
});
