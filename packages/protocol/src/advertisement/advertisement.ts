import { ProtocolError } from '../errors.js';
import {
  checkAdvertisedFields,
  decodeServiceData,
  EXPOSURE_NOTIFICATION_SERVICE_UUID,
  type ExposureAdvertisement,
  encodeServiceData,
  SERVICE_DATA_LENGTH,
  UUID_BYTES,
} from './service-data.js';

/** AD types (Bluetooth Core Specification Supplement, part A). */
export const AdType = {
  FLAGS: 0x01,
  INCOMPLETE_16_BIT_UUIDS: 0x02,
  COMPLETE_16_BIT_UUIDS: 0x03,
  SERVICE_DATA_16_BIT_UUID: 0x16,
} as const;

/** Flags of the GAEN Bluetooth Specification v1.2 payload: LE General Discoverable (bit 1) plus bits 3–4. */
export const EXPOSURE_NOTIFICATION_FLAGS = 0x1a;
/** Flags (3) + complete list of 16-bit UUIDs (4) + service data (24): a full legacy advertisement. */
export const ADVERTISEMENT_LENGTH = 31;
/** Legacy advertising data plus scan response, as Android's `ScanRecord.getBytes()` hands them over. */
export const MAX_SCAN_RECORD_LENGTH = 62;

export interface EncodeAdvertisementOptions {
  /** The Flags value, 0x1A by default; `null` leaves the Flags structure out (28 bytes), as Android does. */
  readonly flags?: number | null;
}

/** The advertising payload: Flags, complete list of 16-bit UUIDs (FD6F), FD6F service data (RPI, AEM). */
export function encodeAdvertisement(
  advertisement: ExposureAdvertisement,
  options: EncodeAdvertisementOptions = {},
): Uint8Array {
  checkAdvertisedFields(advertisement);
  const flags = options.flags === undefined ? EXPOSURE_NOTIFICATION_FLAGS : options.flags;
  if (flags !== null && (!Number.isInteger(flags) || flags < 0 || flags > 0xff)) {
    throw new ProtocolError('invalid_flags', `the Flags value must be one byte, not ${flags}`);
  }
  const flagsAd = flags === null ? [] : [0x02, AdType.FLAGS, flags];
  const uuidsAd = [0x03, AdType.COMPLETE_16_BIT_UUIDS, ...UUID_BYTES];
  const serviceHeader = [1 + 2 + SERVICE_DATA_LENGTH, AdType.SERVICE_DATA_16_BIT_UUID, ...UUID_BYTES];
  return Uint8Array.from([...flagsAd, ...uuidsAd, ...serviceHeader, ...encodeServiceData(advertisement)]);
}

const hex = (n: number, digits = 2) => `0x${n.toString(16).padStart(digits, '0')}`;
const fail = (code: string, message: string): never => {
  throw new ProtocolError(code, message);
};

/**
 * Reads an Exposure Notification advertisement (advertising data, optionally followed by the scan
 * response, as scanners report it) and returns its RPI and AEM. Malformed input throws a
 * `ProtocolError` (`advertisement_*`) naming the offset and what was expected.
 *
 * Strict where the payload's meaning is at stake: every AD structure must fit, the FD6F service data
 * must appear exactly once with exactly 20 bytes, FD6F must be listed among the 16-bit service UUIDs,
 * zero padding after an early terminator must be zeros.
 *
 * Tolerant where real phones differ and nothing is lost by accepting:
 * - Flags may be absent or hold any value. Android's stack adds Flags only to connectable
 *   advertisements and EN advertising is not connectable, so many Android phones send 28 bytes; other
 *   stacks set 0x02, 0x06 or 0x1A. The value says nothing about the RPI, so it is not interpreted.
 * - AD structures may come in any order, and unknown ones (TX Power Level 0x0A, a local name or
 *   manufacturer data in the scan response, service data for other UUIDs) are skipped: stacks and
 *   scanners add and reorder them, and rejecting them would only lose real sightings.
 * - The UUID list may be complete (0x03, as specified) or incomplete (0x02), and may name other UUIDs.
 */
export function decodeAdvertisement(bytes: Uint8Array): ExposureAdvertisement {
  if (bytes.length === 0) fail('advertisement_truncated', 'the advertisement is empty');
  if (bytes.length > MAX_SCAN_RECORD_LENGTH) {
    fail(
      'advertisement_too_long',
      `the advertisement has ${bytes.length} bytes, at most ${MAX_SCAN_RECORD_LENGTH} (advertising data + scan response)`,
    );
  }
  let serviceData: ExposureAdvertisement | undefined;
  let otherServiceUuid: number | undefined;
  let uuidListSeen = false;
  let uuidListed = false;
  let flagsAt: number | undefined;
  let offset = 0;
  while (offset < bytes.length) {
    const length = bytes[offset] as number;
    if (length === 0) {
      checkPadding(bytes, offset + 1);
      break;
    }
    const end = offset + 1 + length;
    if (end > bytes.length) {
      fail(
        'advertisement_truncated',
        `the AD structure at offset ${offset} declares ${length} bytes but only ${bytes.length - offset - 1} follow`,
      );
    }
    const type = bytes[offset + 1] as number;
    const data = bytes.subarray(offset + 2, end);
    if (type === AdType.FLAGS) {
      if (flagsAt !== undefined) {
        fail(
          'advertisement_duplicate_structure',
          `second Flags structure at offset ${offset} (first at ${flagsAt})`,
        );
      }
      if (length !== 2)
        fail('advertisement_bad_length', `Flags at offset ${offset}: length ${hex(length)}, expected 0x02`);
      flagsAt = offset;
    } else if (type === AdType.COMPLETE_16_BIT_UUIDS || type === AdType.INCOMPLETE_16_BIT_UUIDS) {
      if (data.length === 0 || data.length % 2 !== 0) {
        fail(
          'advertisement_bad_length',
          `16-bit UUID list at offset ${offset}: length ${hex(length)}, expected 1 + 2 per UUID (0x03 for FD6F alone)`,
        );
      }
      uuidListSeen = true;
      for (let i = 0; i < data.length; i += 2) {
        if (((data[i] as number) | ((data[i + 1] as number) << 8)) === EXPOSURE_NOTIFICATION_SERVICE_UUID) {
          uuidListed = true;
        }
      }
    } else if (type === AdType.SERVICE_DATA_16_BIT_UUID) {
      if (data.length < 2) {
        fail(
          'advertisement_bad_length',
          `service data at offset ${offset}: length ${hex(length)} leaves no room for a UUID`,
        );
      }
      const uuid = (data[0] as number) | ((data[1] as number) << 8);
      if (uuid !== EXPOSURE_NOTIFICATION_SERVICE_UUID) {
        otherServiceUuid ??= uuid;
      } else if (serviceData !== undefined) {
        fail('advertisement_duplicate_structure', `second FD6F service data structure at offset ${offset}`);
      } else if (data.length !== SERVICE_DATA_LENGTH + 2) {
        fail(
          'advertisement_bad_length',
          `FD6F service data at offset ${offset}: length ${hex(length)}, expected ${hex(SERVICE_DATA_LENGTH + 3)} (UUID + 16-byte RPI + 4-byte AEM)`,
        );
      } else {
        serviceData = decodeServiceData(data);
      }
    }
    offset = end;
  }
  if (serviceData === undefined) {
    if (otherServiceUuid !== undefined) {
      fail(
        'advertisement_wrong_uuid',
        `service data is for UUID ${hex(otherServiceUuid, 4)}, expected 0xfd6f`,
      );
    }
    return fail(
      'advertisement_missing_service_data',
      'no 16-bit service data structure (type 0x16) for FD6F',
    );
  }
  if (!uuidListed) {
    fail(
      uuidListSeen ? 'advertisement_wrong_uuid' : 'advertisement_missing_uuid',
      uuidListSeen
        ? 'the 16-bit service UUID list does not contain 0xfd6f'
        : 'no 16-bit service UUID list (type 0x03) naming 0xfd6f',
    );
  }
  return serviceData;
}

/** After a zero length byte (early termination) the rest is padding and must be all zeros. */
function checkPadding(bytes: Uint8Array, from: number): void {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== 0) {
      fail(
        'advertisement_bad_padding',
        `byte ${hex(bytes[i] as number)} at offset ${i} after the terminator at offset ${from - 1}, expected 0x00`,
      );
    }
  }
}
