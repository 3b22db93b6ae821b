// Test helper (imported by *.test.ts only): compact exposure windows.

import type { ExposureWindow, Infectiousness, ReportType } from '../diagnosis.js';
import type { CalibrationConfidence } from '../keys/metadata.js';
import type { UtcDay } from '../time/interval.js';

/** Today in the tests: 2020-06-01. */
export const TODAY = 18414 as UtcDay;

/** A window `ageInDays` before TODAY; scans are [minAttenuationDb, typicalAttenuationDb, seconds]. */
export function win(
  ageInDays: number,
  reportType: ReportType,
  infectiousness: Infectiousness,
  scans: readonly (readonly [number, number, number])[],
  calibrationConfidence: CalibrationConfidence = 0,
): ExposureWindow {
  return {
    day: (TODAY - ageInDays) as UtcDay,
    reportType,
    infectiousness,
    calibrationConfidence,
    scanInstances: scans.map(([minAttenuationDb, typicalAttenuationDb, secondsSinceLastScan]) => ({
      minAttenuationDb,
      typicalAttenuationDb,
      secondsSinceLastScan,
    })),
  };
}
