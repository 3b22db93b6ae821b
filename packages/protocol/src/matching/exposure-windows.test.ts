import { describe, expect, it } from 'vitest';
import { type DiagnosisKey, type DiagnosisKeysDataMapping, ReportType, type Sighting } from '../diagnosis.js';
import {
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encryptAssociatedMetadata,
} from '../keys/derivation.js';
import { encodeMetadata } from '../keys/metadata.js';
import type { IntervalNumber, UnixSeconds } from '../time/interval.js';
import { keyPolicy } from './key-policy.js';
import { matchDiagnosisKeys } from './matcher.js';
import { phoneScans } from './phone-scans.js';

const day = 19_500;
const start = (day * 144) as IntervalNumber;
const key: DiagnosisKey = {
  keyData: new Uint8Array(16).fill(7),
  rollingStartIntervalNumber: start,
  rollingPeriod: 144,
  transmissionRiskLevel: 0,
  reportType: ReportType.RECURSIVE,
  daysSinceOnsetOfSymptoms: 0,
};
const mapping: DiagnosisKeysDataMapping = {
  daysSinceOnsetToInfectiousness: { 0: 'high', 3: 'none' },
  infectiousnessWhenDaysSinceOnsetMissing: 'standard',
  reportTypeWhenMissing: ReportType.CONFIRMED_TEST,
};
const rpis = deriveRollingProximityIdentifiers(deriveRollingProximityIdentifierKey(key.keyData), start, 144);
const aemk = deriveAssociatedEncryptedMetadataKey(key.keyData);
const meta = (tx: number, confidence: 0 | 1 | 2 | 3) =>
  encodeMetadata({ versionMajor: 1, versionMinor: 1, txPower: tx, calibrationConfidence: confidence });
/** A true sighting of `key` heard `seconds` after its rolling start. */
const heard = (seconds: number, rssi: number, tx = 0, confidence: 0 | 1 | 2 | 3 = 2): Sighting => {
  const rpi = rpis[Math.floor(seconds / 600)] as Uint8Array;
  return {
    rpi,
    aem: encryptAssociatedMetadata(aemk, rpi, meta(tx, confidence)),
    rssi,
    seconds: (start * 600 + seconds) as UnixSeconds,
  };
};
const other = (seconds: number): Sighting => ({
  rpi: new Uint8Array(16).fill(1),
  aem: new Uint8Array(4),
  rssi: -60,
  seconds: (start * 600 + seconds) as UnixSeconds,
});

describe('scans and exposure windows', () => {
  it('cuts scans from their first sighting, with capped gaps to the previous scan', () => {
    const scans = phoneScans([other(0), other(9), other(10), other(250), other(1000)]);
    expect([...scans.scanOfSighting]).toEqual([0, 0, 1, 2, 3]);
    expect([...scans.secondsSinceLastScan]).toEqual([300, 10, 240, 300]);
  });

  it('builds scan instances (min, rounded mean) and 30-minute windows with the key report type', () => {
    const log = [
      heard(3600, -60, 0, 2),
      heard(3602, -65, 0, 1), // one scan: attenuations 60, 65 → typical 63 (62.5 rounded)
      other(3840), // the phone scanned here and heard only someone else
      heard(3900, -70), // next scan of the key: 60 s after the phone's previous scan
      heard(3600 + 1800, -50), // 30 minutes after the window's start: a new window
    ];
    const { matches } = matchDiagnosisKeys([key], log, { rssiCorrection: 0, mapping });
    expect(matches).toHaveLength(1);
    expect(matches[0]?.reportType).toBe(ReportType.RECURSIVE);
    expect(matches[0]?.windows).toEqual([
      {
        day,
        reportType: ReportType.RECURSIVE,
        infectiousness: 'high',
        calibrationConfidence: 1,
        scanInstances: [
          { minAttenuationDb: 60, typicalAttenuationDb: 63, secondsSinceLastScan: 300 },
          { minAttenuationDb: 70, typicalAttenuationDb: 70, secondsSinceLastScan: 60 },
        ],
      },
      {
        day,
        reportType: ReportType.RECURSIVE,
        infectiousness: 'high',
        calibrationConfidence: 2,
        scanInstances: [{ minAttenuationDb: 50, typicalAttenuationDb: 50, secondsSinceLastScan: 300 }],
      },
    ]);
  });

  it('dates a window by the UTC day it starts on and honours the ±2 h tolerance across midnight', () => {
    const late = { ...heard(143 * 600, -60), seconds: ((start + 143 + 12) * 600 + 5) as UnixSeconds };
    const tooLate = { ...heard(143 * 600, -60), seconds: ((start + 143 + 13) * 600) as UnixSeconds };
    const { matches } = matchDiagnosisKeys([key], [late, tooLate], { rssiCorrection: 3, mapping });
    expect(matches[0]?.sightings).toBe(1);
    expect(matches[0]?.windows[0]?.day).toBe(day + 1);
    expect(matches[0]?.windows[0]?.scanInstances[0]?.minAttenuationDb).toBe(57);
  });

  it('never matches revoked keys or keys whose infectiousness is none', () => {
    expect(keyPolicy({ ...key, reportType: ReportType.REVOKED }, mapping)).toBeUndefined();
    expect(keyPolicy({ ...key, daysSinceOnsetOfSymptoms: 3 }, mapping)).toBeUndefined();
    expect(keyPolicy({ ...key, daysSinceOnsetOfSymptoms: 9 }, mapping)).toBeUndefined();
    expect(
      keyPolicy({ ...key, reportType: ReportType.UNKNOWN, daysSinceOnsetOfSymptoms: undefined }, mapping),
    ).toEqual({
      reportType: ReportType.CONFIRMED_TEST,
      infectiousness: 'standard',
    });
    const log = [heard(600, -60)];
    expect(
      matchDiagnosisKeys([{ ...key, reportType: ReportType.REVOKED }], log, { rssiCorrection: 0, mapping })
        .matches,
    ).toEqual([]);
  });
});
