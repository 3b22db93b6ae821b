// Matching on the phone: every check-in against every warning of the downloaded packages. Warnings
// are found by location ID hash through a table keyed on the hash's first four bytes, so the cost is
// one lookup a warning whatever the number of check-ins.

import { equalBytes } from '../bytes.js';
import { isoDateOfDay, type UtcDay } from '../time/interval.js';
import { checkCheckIn, type HashedCheckIn, splitAtUtcMidnight } from './check-in.js';
import { overlapMinutes, type TraceTimeIntervalWarning } from './trace-warning.js';

/** One overlap of a check-in (one UTC day of it) with a warning. */
export interface CheckInWarningOverlap {
  /** Index into the check-ins and into the warnings given. */
  readonly checkIn: number;
  readonly warning: number;
  /** The UTC date of the overlapping part (YYYY-MM-DD). */
  readonly date: string;
  /** CWA's rounded minutes of overlap (≥ minOverlapMinutes). */
  readonly overlapMinutes: number;
  readonly transmissionRiskLevel: number;
}

export interface CheckInMatchOptions {
  /** Overlaps shorter than this (after rounding) are dropped; default 1 (any overlap CWA reports). */
  readonly minOverlapMinutes?: number;
}

interface IndexedPart {
  readonly checkIn: number;
  readonly hash: Uint8Array;
  readonly start: number;
  readonly end: number;
  readonly day: number;
}

/**
 * Every overlap between check-ins (see hashCheckIn) and warnings: same location ID hash, and at least `minOverlapMinutes`
 * shared minutes (CWA's rounding) within one UTC day. Results in warning order, then check-in order.
 */
export function matchCheckIns(
  checkIns: readonly HashedCheckIn[],
  warnings: readonly TraceTimeIntervalWarning[],
  options: CheckInMatchOptions = {},
): CheckInWarningOverlap[] {
  const minMinutes = Math.max(1, options.minOverlapMinutes ?? 1);
  const table = indexCheckIns(checkIns);
  const out: CheckInWarningOverlap[] = [];
  for (let w = 0; w < warnings.length; w++) {
    const warning = warnings[w] as TraceTimeIntervalWarning;
    const candidates = table.get(prefix(warning.locationIdHash));
    if (candidates === undefined) continue;
    for (const part of candidates) {
      if (!equalBytes(part.hash, warning.locationIdHash)) continue;
      const minutes = overlapMinutes(part.start, part.end, warning);
      if (minutes < minMinutes) continue;
      out.push({
        checkIn: part.checkIn,
        warning: w,
        date: isoDateOfDay(part.day as UtcDay),
        overlapMinutes: minutes,
        transmissionRiskLevel: warning.transmissionRiskLevel,
      });
    }
  }
  return out;
}

function indexCheckIns(checkIns: readonly HashedCheckIn[]): Map<number, IndexedPart[]> {
  const table = new Map<number, IndexedPart[]>();
  checkIns.forEach((checkIn, i) => {
    checkCheckIn(checkIn, `check-in ${i}`);
    const hash = checkIn.locationIdHash;
    const list = table.get(prefix(hash)) ?? [];
    for (const part of splitAtUtcMidnight(checkIn.checkInStart, checkIn.checkInEnd)) {
      list.push({ checkIn: i, hash, ...part });
    }
    table.set(prefix(hash), list);
  });
  return table;
}

function prefix(hash: Uint8Array): number {
  return (((hash[0] ?? 0) << 24) | ((hash[1] ?? 0) << 16) | ((hash[2] ?? 0) << 8) | (hash[3] ?? 0)) >>> 0;
}
