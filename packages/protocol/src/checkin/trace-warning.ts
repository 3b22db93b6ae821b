// Trace warnings and CWA's overlap rule: how many minutes a check-in shares with a warning.

import { ProtocolError } from '../errors.js';
import { INTERVAL_SECONDS } from '../time/interval.js';
import { LOCATION_ID_BYTES } from './location-id.js';

/** TraceTimeIntervalWarning of proto/checkin.proto: a venue and a time window to warn about. */
export interface TraceTimeIntervalWarning {
  /** SHA-256 of the venue's location ID (32 bytes). */
  readonly locationIdHash: Uint8Array;
  /** First 10-minute interval of the window (Unix seconds / 600). */
  readonly startIntervalNumber: number;
  /** Length of the window in 10-minute intervals (≥ 1). */
  readonly period: number;
  /** 1…8 (CWA's scale; higher is more infectious). */
  readonly transmissionRiskLevel: number;
}

/** Most intervals one warning may cover: one UTC day (warnings are split at midnight). */
export const MAX_WARNING_PERIOD = 144;
export const MIN_TRANSMISSION_RISK_LEVEL = 1;
export const MAX_TRANSMISSION_RISK_LEVEL = 8;

/** Throws `checkin_invalid_warning` unless the warning is well-formed. */
export function checkTraceWarning(warning: TraceTimeIntervalWarning, where = 'warning'): void {
  const { locationIdHash, startIntervalNumber: start, period, transmissionRiskLevel: trl } = warning;
  const bad = (what: string) => new ProtocolError('checkin_invalid_warning', `${where}: ${what}`);
  if (!(locationIdHash instanceof Uint8Array) || locationIdHash.length !== LOCATION_ID_BYTES) {
    throw bad(`the location ID hash must have ${LOCATION_ID_BYTES} bytes`);
  }
  if (!Number.isInteger(start) || start < 0 || start > 0xffffffff) {
    throw bad(`start interval ${start} is not a uint32`);
  }
  if (!Number.isInteger(period) || period < 1 || period > MAX_WARNING_PERIOD) {
    throw bad(`period ${period} is not 1…${MAX_WARNING_PERIOD} intervals`);
  }
  if (!Number.isInteger(trl) || trl < MIN_TRANSMISSION_RISK_LEVEL || trl > MAX_TRANSMISSION_RISK_LEVEL) {
    throw bad(
      `transmission risk level ${trl} is not ${MIN_TRANSMISSION_RISK_LEVEL}…${MAX_TRANSMISSION_RISK_LEVEL}`,
    );
  }
}

/**
 * Seconds a stay [start, end) (Unix seconds) shares with a warning's window
 * [startIntervalNumber × 600, (startIntervalNumber + period) × 600); 0 when they only touch or miss.
 */
export function overlapSeconds(start: number, end: number, warning: TraceTimeIntervalWarning): number {
  const warningStart = warning.startIntervalNumber * INTERVAL_SECONDS;
  const warningEnd = (warning.startIntervalNumber + warning.period) * INTERVAL_SECONDS;
  return Math.max(0, Math.min(end, warningEnd) - Math.max(start, warningStart));
}

/**
 * CWA's overlap in minutes: the shared seconds divided by 60 and rounded to the nearest minute, halves
 * up (5 min 30 s → 6, 5 min 29 s → 5; 30 s → 1, 29 s → 0). 0 means no overlap.
 */
export function overlapMinutes(start: number, end: number, warning: TraceTimeIntervalWarning): number {
  return Math.round(overlapSeconds(start, end, warning) / 60);
}
