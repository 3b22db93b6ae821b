import { randomBytes } from 'node:crypto';
import { isErrorCode } from '@bluezone/api';
import {
  CRYPTOGRAPHIC_SEED_LENGTH,
  cwaEventUrl,
  encodeQrCodePayload,
  eventUrl,
  isProtocolError,
  toHex,
  traceLocationId,
  traceLocationIdHash,
} from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';

// A venue's QR code: CWA's QRCodePayload made from the venue's fields and its random seed, the location
// ID over those bytes, and the event URLs (ours and CWA's) that carry them (docs/checkin.md).

/** CWA's event types: a start and an end are required; the other types are permanent places. */
export const EVENT_LOCATION_TYPES: ReadonlySet<number> = new Set([2, 9, 10, 11, 12]);

/** What the QR code says about a venue. */
export interface VenueCodeFields {
  readonly name: string;
  readonly address: string;
  readonly locationType: number;
  readonly defaultCheckInMinutes: number;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
}

export interface VenueCode {
  readonly seed: Uint8Array;
  readonly payload: Uint8Array;
  readonly locationId: Uint8Array;
}

/** A fresh 16-byte cryptographic seed: two venues with the same fields still get different codes. */
export const newVenueSeed = (): Uint8Array => new Uint8Array(randomBytes(CRYPTOGRAPHIC_SEED_LENGTH));

/**
 * The payload of a venue with this seed (no public key: CWA's CrowdNotifier key is not used by
 * matching). The protocol's own checks (CWA's) refuse a bad field with its `checkin_*` code, as a 400.
 */
export function venueCode(fields: VenueCodeFields, seed: Uint8Array): VenueCode {
  const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : 0);
  try {
    const payload = encodeQrCodePayload({
      description: fields.name,
      address: fields.address,
      startTimestamp: seconds(fields.startsAt),
      endTimestamp: seconds(fields.endsAt),
      locationType: fields.locationType,
      defaultCheckInLengthInMinutes: fields.defaultCheckInMinutes,
      publicKey: new Uint8Array(0),
      cryptographicSeed: seed,
    });
    return { seed, payload, locationId: traceLocationId(payload) };
  } catch (error) {
    if (isProtocolError(error)) throw protocolRefusal(error.code, error.message);
    throw error;
  }
}

/** A protocol error as the server's 400 (its `checkin_*` code when @bluezone/api lists it). */
export function protocolRefusal(code: string, message: string): AppError {
  const known = isErrorCode(code) ? code : 'invalid_venue';
  return new AppError(known, `${message.charAt(0).toUpperCase()}${message.slice(1)}.`);
}

/** How the console shows a venue's code: the URLs, the location ID and its hash in hex. */
export function venueCodeView(payload: Uint8Array, locationId: Uint8Array, origin: string) {
  return {
    url: eventUrl(origin, payload),
    cwaUrl: cwaEventUrl(payload),
    locationId: toHex(locationId),
    locationIdHash: toHex(traceLocationIdHash(locationId)),
  };
}
