import type { ReportTypeClaim } from '@bluezone/api';
import { INTERVAL_SECONDS, type ReportTypeName, ROLLING_PERIOD } from '@bluezone/protocol';
import type { ValidKey } from './key-validation.js';

// What the server stores for an accepted key: its report type (only ever from the certificate), days
// since symptom onset, and when it may be exported (embargo). Pure functions of their inputs.

/** The GAEN report type each certificate claim publishes; `negative` only revokes (with a token). */
export const REPORT_TYPE_OF_CLAIM: Readonly<Record<ReportTypeClaim, ReportTypeName>> = {
  confirmed: 'CONFIRMED_TEST',
  likely: 'CONFIRMED_CLINICAL_DIAGNOSIS',
  recursive: 'RECURSIVE',
  negative: 'REVOKED',
};

/**
 * Revisions a later publish with the revision token may make: likely → confirmed, likely → revoked
 * (Google's key server), and Bluezone's recursive → confirmed / likely / revoked: a confirmed close
 * contact (F1) who published RECURSIVE keys and then tests positive publishes them again as F0.
 */
export const ALLOWED_REVISIONS: Readonly<Partial<Record<ReportTypeName, readonly ReportTypeName[]>>> = {
  CONFIRMED_CLINICAL_DIAGNOSIS: ['CONFIRMED_TEST', 'REVOKED'],
  RECURSIVE: ['CONFIRMED_TEST', 'CONFIRMED_CLINICAL_DIAGNOSIS', 'REVOKED'],
};

/** Days from symptom onset beyond which the value says nothing and is left out, as Google's server does. */
export const MAX_DAYS_SINCE_ONSET = 14;

export function isReportTypeClaim(value: unknown): value is ReportTypeClaim {
  return typeof value === 'string' && Object.hasOwn(REPORT_TYPE_OF_CLAIM, value);
}

/**
 * Days from the onset's UTC day to the key's UTC day; null when no onset is known (0 or absent) or
 * when it is more than `MAX_DAYS_SINCE_ONSET` days away.
 */
export function daysSinceOnset(key: ValidKey, onsetInterval: number | undefined): number | null {
  if (onsetInterval === undefined || onsetInterval <= 0) return null;
  const days =
    Math.floor(key.rollingStartIntervalNumber / ROLLING_PERIOD) - Math.floor(onsetInterval / ROLLING_PERIOD);
  return Math.abs(days) > MAX_DAYS_SINCE_ONSET ? null : days;
}

/** The time truncated to the hour: what `created_at` stores, so a row cannot be tied to a request. */
export function toHour(time: Date): Date {
  return new Date(Math.floor(time.getTime() / 3_600_000) * 3_600_000);
}

/** When the key's last interval ends. */
export function validUntil(key: ValidKey): Date {
  return new Date((key.rollingStartIntervalNumber + key.rollingPeriod) * INTERVAL_SECONDS * 1000);
}

/**
 * Embargo: a key still valid at `now` (its identifiers are still broadcast) is held back until its
 * validity ends; any other key may be exported from the (hour-truncated) time it was stored.
 */
export function exportableAt(key: ValidKey, now: Date): Date {
  const end = validUntil(key);
  const stored = toHour(now);
  return new Date(Math.max(end.getTime(), stored.getTime()));
}
