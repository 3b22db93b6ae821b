// One call from the text of a QR code to everything a phone keeps about the venue.

import { toBase64, toHex } from '../bytes.js';
import { type EventUrlKind, type EventUrlOptions, parseEventUrl } from './event-url.js';
import { traceLocationId, traceLocationIdHash } from './location-id.js';
import { decodeQrCodePayload } from './qr-code-payload.js';
import type { TraceLocation } from './trace-location.js';

/** A scanned and validated event QR code. */
export interface EventQrCode {
  readonly kind: EventUrlKind;
  readonly host: string;
  /** The payload bytes as the code carries them (what the location ID is computed over). */
  readonly payload: Uint8Array;
  readonly location: TraceLocation;
  /** SHA-256("CWA-GUID" ‖ payload). */
  readonly locationId: Uint8Array;
  /** SHA-256(locationId): what warnings name. */
  readonly locationIdHash: Uint8Array;
}

/** Parses, decodes and validates an event URL (ours or CWA's). Throws ProtocolError `checkin_*`. */
export function readEventUrl(url: string, options: EventUrlOptions): EventQrCode {
  const { kind, host, payload } = parseEventUrl(url, options);
  const location = decodeQrCodePayload(payload);
  const locationId = traceLocationId(payload);
  return { kind, host, payload, location, locationId, locationIdHash: traceLocationIdHash(locationId) };
}

/** An event QR code as JSON (the shape `bluezone checkin inspect --json` prints): bytes in base64 or hex. */
export type EventQrCodeSummary = Omit<TraceLocation, 'cryptographicSeed' | 'publicKey'> & {
  /** base64 */
  readonly cryptographicSeed: string;
  readonly publicKey: string;
  /** hex */
  readonly locationId: string;
  readonly locationIdHash: string;
};

export function summarizeEventQrCode(
  code: Pick<EventQrCode, 'location' | 'locationId' | 'locationIdHash'>,
): EventQrCodeSummary {
  const { location } = code;
  return {
    version: location.version,
    description: location.description,
    address: location.address,
    startTimestamp: location.startTimestamp,
    endTimestamp: location.endTimestamp,
    locationType: location.locationType,
    defaultCheckInLengthInMinutes: location.defaultCheckInLengthInMinutes,
    cryptographicSeed: toBase64(location.cryptographicSeed),
    publicKey: toBase64(location.publicKey),
    locationId: toHex(code.locationId),
    locationIdHash: toHex(code.locationIdHash),
  };
}
