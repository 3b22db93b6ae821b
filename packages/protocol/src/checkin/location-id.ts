// The location ID of a venue and its hash, exactly as Corona-Warn-App computes them.

import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../bytes.js';
import { ProtocolError } from '../errors.js';

/** "CWA-GUID" in ASCII: the prefix hashed before the payload bytes. */
const LOCATION_ID_PREFIX = Uint8Array.from('CWA-GUID', (c) => c.charCodeAt(0));

/** Length of a location ID and of its hash (SHA-256). */
export const LOCATION_ID_BYTES = 32;

/**
 * Location ID = SHA-256("CWA-GUID" ‖ payload bytes), over the bytes exactly as the QR code carries them
 * (never re-encoded), so every app that scans the same code gets the same ID.
 */
export function traceLocationId(payload: Uint8Array): Uint8Array {
  return sha256(concatBytes(LOCATION_ID_PREFIX, payload));
}

/** The location ID hash trace warnings carry: SHA-256 of the 32-byte location ID. */
export function traceLocationIdHash(locationId: Uint8Array): Uint8Array {
  if (locationId.length !== LOCATION_ID_BYTES) {
    throw new ProtocolError(
      'invalid_location_id',
      `a location ID has ${LOCATION_ID_BYTES} bytes, not ${locationId.length}`,
    );
  }
  return sha256(locationId);
}
