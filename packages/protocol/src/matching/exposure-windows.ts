// From the sightings that belong to one key to its GAEN v2 exposure windows and scan instances.
//
// - Each matched sighting's AEM is decrypted with the key's AEMK (IV = the sighting's RPI) to get the
//   sender's TX power and calibration confidence; attenuation = attenuationDb(txPower, rssi,
//   rssiCorrection).
// - Sightings of the key in the same phone scan (see phone-scans.ts) make one ScanInstance:
//   minAttenuationDb = the smallest attenuation, typicalAttenuationDb = the mean attenuation rounded
//   to the nearest dB (duplicate sightings count twice), secondsSinceLastScan = the phone's gap to its
//   previous scan, capped at 300 s.
// - Windows: the first scan instance opens a window; later instances join it while they start less
//   than 30 minutes after the window's first scan; the next one opens a new window. A window's day is
//   the UTC day of its first scan; its calibration confidence is the lowest among its sightings.

import { attenuationDb } from '../calibration/attenuation.js';
import type { DiagnosisKey, ExposureWindow, ScanInstance, Sighting } from '../diagnosis.js';
import { decryptAssociatedMetadata, deriveAssociatedEncryptedMetadataKey } from '../keys/derivation.js';
import { type CalibrationConfidence, decodeMetadata } from '../keys/metadata.js';
import { type UnixSeconds, utcDayOfSeconds } from '../time/interval.js';
import type { KeyPolicy } from './key-policy.js';
import type { PhoneScans } from './phone-scans.js';

/** Longest exposure window: 30 minutes from its first scan. */
export const MAX_WINDOW_SECONDS = 30 * 60;

/** Builds a key's exposure windows from the indices (into `sightings`) of its sightings. */
export function exposureWindows(
  key: DiagnosisKey,
  policy: KeyPolicy,
  matched: readonly number[],
  sightings: readonly Sighting[],
  scans: PhoneScans,
  rssiCorrection: number,
): ExposureWindow[] {
  const aemk = deriveAssociatedEncryptedMetadataKey(key.keyData);
  const bySighting = [...matched].sort(
    (a, b) => (scans.scanOfSighting[a] as number) - (scans.scanOfSighting[b] as number) || a - b,
  );
  const windows: ExposureWindow[] = [];
  let instances: ScanInstance[] = [];
  let windowStart = 0;
  let confidence: CalibrationConfidence = 3;
  const close = () => {
    if (instances.length === 0) return;
    windows.push({
      day: utcDayOfSeconds(windowStart as UnixSeconds),
      reportType: policy.reportType,
      infectiousness: policy.infectiousness,
      calibrationConfidence: confidence,
      scanInstances: instances,
    });
    instances = [];
    confidence = 3;
  };
  for (let n = 0; n < bySighting.length; ) {
    const scan = scans.scanOfSighting[bySighting[n] as number] as number;
    const scanStart = scans.scanSeconds[scan] as number;
    if (instances.length === 0 || !(scanStart - windowStart < MAX_WINDOW_SECONDS)) {
      close();
      windowStart = scanStart;
    }
    let min = Number.POSITIVE_INFINITY;
    let sum = 0;
    let count = 0;
    for (; n < bySighting.length && scans.scanOfSighting[bySighting[n] as number] === scan; n++) {
      const sighting = sightings[bySighting[n] as number] as Sighting;
      const metadata = decodeMetadata(decryptAssociatedMetadata(aemk, sighting.rpi, sighting.aem));
      const attenuation = attenuationDb(metadata.txPower, sighting.rssi, rssiCorrection);
      min = Math.min(min, attenuation);
      sum += attenuation;
      count++;
      if (metadata.calibrationConfidence < confidence) confidence = metadata.calibrationConfidence;
    }
    instances.push({
      minAttenuationDb: min,
      typicalAttenuationDb: Math.round(sum / count),
      secondsSinceLastScan: scans.secondsSinceLastScan[scan] as number,
    });
  }
  close();
  return windows;
}
