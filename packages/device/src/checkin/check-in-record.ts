// A check-in as the phone keeps it (`checkins/all`): the venue as its QR code described it, the stay, and
// the location ID the warnings are matched on. JSON only, bytes in base64.
import {
  type EventQrCode,
  fromBase64,
  type HashedCheckIn,
  type UtcDay,
  unixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';

/** One stay at a venue. Kept 14 days (by its check-out day), never uploaded as such. */
export interface CheckInRecord {
  readonly id: string;
  /** base64 of SHA-256("CWA-GUID" ‖ payload), and of its SHA-256 (what warnings name). */
  readonly locationId: string;
  readonly locationIdHash: string;
  /** `bluezone` (our poster) or `cwa` (Corona-Warn-App's). */
  readonly kind: EventQrCode['kind'];
  readonly description: string;
  readonly address: string;
  readonly locationType: number;
  /** An event's start and end (Unix seconds); both 0 for a permanent place. */
  readonly eventStart: number;
  readonly eventEnd: number;
  /** The code's default check-in length (0: the code does not say). */
  readonly defaultLengthMinutes: number;
  /** Check-in and check-out, Unix seconds. The check-out is planned (automatic) until it has passed. */
  readonly checkInStart: number;
  readonly checkInEnd: number;
  /** Whether the person checked out by hand or edited the times. */
  readonly edited: boolean;
}

/** A check-in with what the screens show. */
export interface CheckInView extends CheckInRecord {
  /** Still there: the check-out lies ahead (it happens automatically then). */
  readonly active: boolean;
}

/** Length of a stay when the code gives none and is no event with an end: two hours. */
export const DEFAULT_CHECK_IN_MINUTES = 120;
/** Longest stay: a day (CWA's limit is 23 h 45 min; warnings are split at UTC midnight anyway). */
export const MAX_CHECK_IN_MINUTES = 24 * 60;

/** The automatic check-out length of a code: its default, else until an event's end, else 2 h; 1 min…24 h. */
export function defaultCheckInMinutes(code: Pick<EventQrCode, 'location'>, nowSeconds: number): number {
  const { defaultCheckInLengthInMinutes: length, endTimestamp } = code.location;
  let minutes = DEFAULT_CHECK_IN_MINUTES;
  if (length > 0) minutes = length;
  else if (endTimestamp > nowSeconds) minutes = Math.ceil((endTimestamp - nowSeconds) / 60);
  return Math.min(MAX_CHECK_IN_MINUTES, Math.max(1, minutes));
}

/** The record as matching needs it, the stay cut at `nowSeconds` (a planned check-out has not happened). */
export function hashedCheckIn(record: CheckInRecord, nowSeconds: number): HashedCheckIn {
  return {
    locationIdHash: fromBase64(record.locationIdHash),
    checkInStart: record.checkInStart,
    checkInEnd: Math.max(record.checkInStart, Math.min(record.checkInEnd, nowSeconds)),
  };
}

/** The UTC day a check-in is kept by: its check-out's. */
export function retentionDayOf(record: CheckInRecord): UtcDay {
  return utcDayOfSeconds(unixSeconds(record.checkInEnd));
}
