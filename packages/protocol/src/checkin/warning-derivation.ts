// From the check-ins a person chooses to share to the warnings they upload: per UTC day of each stay,
// the 10-minute intervals it touched, with a transmission risk level from days since symptom onset.

import { ProtocolError } from '../errors.js';
import { INTERVAL_SECONDS } from '../time/interval.js';
import { type CheckIn, checkCheckIn, splitAtUtcMidnight } from './check-in.js';
import { traceLocationIdHash } from './location-id.js';
import type { TraceTimeIntervalWarning } from './trace-warning.js';

/**
 * Transmission risk level by days since symptom onset (day of the stay − day of onset), −5…6; earlier
 * days are 1, later days 1. Corona-Warn-App's values for a known onset: highest from the day before
 * onset to the day after.
 */
const RISK_BY_DAYS_SINCE_ONSET: Readonly<Record<number, number>> = {
  [-5]: 2,
  [-4]: 4,
  [-3]: 6,
  [-2]: 7,
  [-1]: 8,
  0: 8,
  1: 8,
  2: 6,
  3: 5,
  4: 3,
  5: 2,
  6: 2,
};

/**
 * Without a known onset: by the stay's age in days at upload (0 = the upload day), as Corona-Warn-App
 * assumes when a person gives no information on symptoms; older days are 1.
 */
const RISK_BY_AGE_WITHOUT_ONSET = [5, 6, 7, 7, 7, 6, 4, 3, 2, 1, 1, 1, 1, 1, 1] as const;

/** Transmission risk level (1…8) of a stay on `day` for an uploader whose symptoms began on `onsetDay`. */
export function checkInTransmissionRiskLevel(day: number, onset: WarningOnset): number {
  if (onset.onsetDay !== undefined) return RISK_BY_DAYS_SINCE_ONSET[day - onset.onsetDay] ?? 1;
  const age = onset.uploadDay - day;
  return age < 0 ? 1 : (RISK_BY_AGE_WITHOUT_ONSET[age] ?? 1);
}

/** What the uploader said about symptoms: the UTC day they began, if known, and the day of upload. */
export interface WarningOnset {
  /** UTC day number of symptom onset (or of the positive test when asymptomatic). */
  readonly onsetDay?: number | undefined;
  /** UTC day number of the upload. */
  readonly uploadDay: number;
}

/**
 * The warnings one shared check-in becomes: one per UTC day of the stay, covering every 10-minute
 * interval the stay touched (start rounded down, end up), never the venue's name or the stay's exact
 * minutes. A stay of zero length yields none.
 */
export function traceWarningsForCheckIn(checkIn: CheckIn, onset: WarningOnset): TraceTimeIntervalWarning[] {
  checkCheckIn(checkIn);
  if (
    !Number.isSafeInteger(onset.uploadDay) ||
    (onset.onsetDay !== undefined && !Number.isSafeInteger(onset.onsetDay))
  ) {
    throw new ProtocolError('checkin_invalid_check_in', 'onset and upload days must be UTC day numbers');
  }
  const locationIdHash = traceLocationIdHash(checkIn.locationId);
  return splitAtUtcMidnight(checkIn.checkInStart, checkIn.checkInEnd).map((part) => {
    const first = Math.floor(part.start / INTERVAL_SECONDS);
    const last = Math.ceil(part.end / INTERVAL_SECONDS);
    return {
      locationIdHash,
      startIntervalNumber: first,
      period: last - first,
      transmissionRiskLevel: checkInTransmissionRiskLevel(part.day, onset),
    };
  });
}
