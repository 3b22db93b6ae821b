// One call from the text of a QR code to everything a phone keeps about the venue.

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
