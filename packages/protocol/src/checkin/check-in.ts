// A check-in as the phone keeps it, and its split at UTC midnight (warnings and risk are per UTC day).

import { ProtocolError } from '../errors.js';
import { LOCATION_ID_BYTES, traceLocationIdHash } from './location-id.js';

const DAY_SECONDS = 86_400;

/** A stay at a venue. Kept only on the phone (14 days), never uploaded as such. */
export interface CheckIn {
  /** The venue's location ID (32 bytes). */
  readonly locationId: Uint8Array;
  /** Check-in and check-out, Unix seconds. */
  readonly checkInStart: number;
  readonly checkInEnd: number;
}

/** A check-in as matching needs it: the location ID hash instead of the ID (computed once, at check-in). */
export interface HashedCheckIn {
  /** SHA-256 of the venue's location ID (32 bytes). */
  readonly locationIdHash: Uint8Array;
  readonly checkInStart: number;
  readonly checkInEnd: number;
}

/** The check-in with its location ID replaced by the hash warnings name. */
export function hashCheckIn(checkIn: CheckIn): HashedCheckIn {
  checkCheckIn(checkIn);
  const { checkInStart, checkInEnd } = checkIn;
  return { locationIdHash: traceLocationIdHash(checkIn.locationId), checkInStart, checkInEnd };
}

/** One UTC day's part of a stay. */
export interface CheckInPart {
  readonly start: number;
  readonly end: number;
  /** UTC day number (Unix seconds / 86,400). */
  readonly day: number;
}

/** Throws `checkin_invalid_check_in` unless the check-in is well-formed (end may equal start). */
export function checkCheckIn(checkIn: CheckIn | HashedCheckIn, where = 'check-in'): void {
  const { checkInStart: start, checkInEnd: end } = checkIn;
  const [name, id] =
    'locationId' in checkIn
      ? ['location ID', checkIn.locationId]
      : ['location ID hash', checkIn.locationIdHash];
  const bad = (what: string) => new ProtocolError('checkin_invalid_check_in', `${where}: ${what}`);
  if (!(id instanceof Uint8Array) || id.length !== LOCATION_ID_BYTES) {
    throw bad(`the ${name} must have ${LOCATION_ID_BYTES} bytes`);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0) {
    throw bad(`times ${start}…${end} are not Unix seconds`);
  }
  if (end < start) throw bad(`check-out (${end}) is before check-in (${start})`);
}

/**
 * Splits a stay at each UTC midnight: 22:00–02:00 becomes 22:00–24:00 and 00:00–02:00, as CWA does
 * before matching and before uploading. A stay of zero length has no parts.
 */
export function splitAtUtcMidnight(start: number, end: number): CheckInPart[] {
  const parts: CheckInPart[] = [];
  for (let from = start; from < end; ) {
    const day = Math.floor(from / DAY_SECONDS);
    const to = Math.min(end, (day + 1) * DAY_SECONDS);
    parts.push({ start: from, end: to, day });
    from = to;
  }
  return parts;
}
