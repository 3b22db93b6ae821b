// QRCodePayload bytes ⇄ TraceLocation, with CWA's rules for what a valid venue is.
// Encoded by protobuf-es (proto3: fields in number order, zeros left out — the bytes CWA's encoder
// writes); read by the strict descriptor-driven decoder of the export files.

import { create, toBinary } from '@bufbuild/protobuf';
import { isProtocolError, ProtocolError } from '../errors.js';
import { decodeMessage, type PlainMessage } from '../export/message-reader.js';
import {
  CRYPTOGRAPHIC_SEED_LENGTH,
  MAX_ADDRESS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_PAYLOAD_BYTES,
  MAX_PUBLIC_KEY_BYTES,
  MAX_SEED_BYTES,
} from './checkin-limits.js';
import { CWALocationDataSchema, QRCodePayloadSchema } from './gen/checkin_pb.js';
import { QR_CODE_PAYLOAD_VERSION, type TraceLocation } from './trace-location.js';

/** Version of the nested messages (location data, CrowdNotifier data, vendor data) in codes we write. */
const NESTED_VERSION = 1;

/** What a new code needs; `version` is always 1 and the seed must be 16 random bytes. */
export type TraceLocationInput = Omit<TraceLocation, 'version'>;

/** Encodes a venue as QRCodePayload bytes (validated first: the same rules as decoding, seed of 16 bytes). */
export function encodeQrCodePayload(input: TraceLocationInput): Uint8Array {
  const location: TraceLocation = { version: QR_CODE_PAYLOAD_VERSION, ...input };
  checkTraceLocation(location);
  if (location.cryptographicSeed.length !== CRYPTOGRAPHIC_SEED_LENGTH) {
    throw new ProtocolError(
      'checkin_invalid_field',
      `a new code needs a ${CRYPTOGRAPHIC_SEED_LENGTH}-byte cryptographic seed, not ${location.cryptographicSeed.length} bytes`,
    );
  }
  const vendorData = toBinary(
    CWALocationDataSchema,
    create(CWALocationDataSchema, {
      version: NESTED_VERSION,
      type: location.locationType,
      defaultCheckInLengthInMinutes: location.defaultCheckInLengthInMinutes,
    }),
  );
  const message = create(QRCodePayloadSchema, {
    version: location.version,
    locationData: {
      version: NESTED_VERSION,
      description: location.description,
      address: location.address,
      startTimestamp: BigInt(location.startTimestamp),
      endTimestamp: BigInt(location.endTimestamp),
    },
    crowdNotifierData: {
      version: NESTED_VERSION,
      publicKey: location.publicKey,
      cryptographicSeed: location.cryptographicSeed,
    },
    vendorData,
  });
  return toBinary(QRCodePayloadSchema, message);
}

/**
 * Decodes and validates QRCodePayload bytes. Throws ProtocolError: `checkin_too_large`,
 * `checkin_malformed` (not this protobuf), `checkin_unsupported_version`, `checkin_missing_field`,
 * `checkin_field_too_long`, `checkin_invalid_field`, `checkin_invalid_times`.
 */
export function decodeQrCodePayload(payload: Uint8Array): TraceLocation {
  if (payload.length > MAX_PAYLOAD_BYTES) {
    throw new ProtocolError(
      'checkin_too_large',
      `the QR code payload has ${payload.length} bytes, over the ${MAX_PAYLOAD_BYTES} limit`,
    );
  }
  if (payload.length === 0) throw new ProtocolError('checkin_malformed', 'the QR code payload is empty');
  const m = strictDecode(() => decodeMessage(QRCodePayloadSchema, payload), 'QRCodePayload');
  const version = (m.version as number | undefined) ?? 0;
  if (version !== QR_CODE_PAYLOAD_VERSION) {
    throw new ProtocolError(
      'checkin_unsupported_version',
      `QR code payload version ${version} is not supported (only ${QR_CODE_PAYLOAD_VERSION})`,
    );
  }
  const locationData = m.locationData as PlainMessage | undefined;
  const crowdNotifierData = m.crowdNotifierData as PlainMessage | undefined;
  if (locationData === undefined) throw missing('locationData');
  if (crowdNotifierData === undefined) throw missing('crowdNotifierData');
  const vendorBytes = (m.vendorData as Uint8Array | undefined) ?? new Uint8Array(0);
  const vendor = strictDecode(() => decodeMessage(CWALocationDataSchema, vendorBytes), 'vendorData');
  const location: TraceLocation = {
    version,
    description: (locationData.description as string | undefined) ?? '',
    address: (locationData.address as string | undefined) ?? '',
    startTimestamp: (locationData.startTimestamp as number | undefined) ?? 0,
    endTimestamp: (locationData.endTimestamp as number | undefined) ?? 0,
    locationType: (vendor.type as number | undefined) ?? 0,
    defaultCheckInLengthInMinutes: (vendor.defaultCheckInLengthInMinutes as number | undefined) ?? 0,
    publicKey: (crowdNotifierData.publicKey as Uint8Array | undefined) ?? new Uint8Array(0),
    cryptographicSeed: (crowdNotifierData.cryptographicSeed as Uint8Array | undefined) ?? new Uint8Array(0),
  };
  checkTraceLocation(location);
  return location;
}

/** CWA's rules: a one-line description and address of 1…100 characters, start ≤ end unless both 0. */
export function checkTraceLocation(location: TraceLocation): void {
  checkText(location.description, 'description', MAX_DESCRIPTION_LENGTH);
  checkText(location.address, 'address', MAX_ADDRESS_LENGTH);
  const { startTimestamp: start, endTimestamp: end } = location;
  for (const [name, value] of [
    ['startTimestamp', start],
    ['endTimestamp', end],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ProtocolError('checkin_invalid_times', `${name} ${value} is not a Unix time in seconds`);
    }
  }
  if (!(start === 0 && end === 0) && start > end) {
    throw new ProtocolError('checkin_invalid_times', `the event ends (${end}) before it starts (${start})`);
  }
  const seed = location.cryptographicSeed;
  if (seed.length === 0) throw missing('cryptographicSeed');
  if (seed.length > MAX_SEED_BYTES)
    throw tooLong('cryptographicSeed', `${seed.length} bytes`, MAX_SEED_BYTES);
  if (location.publicKey.length > MAX_PUBLIC_KEY_BYTES) {
    throw tooLong('publicKey', `${location.publicKey.length} bytes`, MAX_PUBLIC_KEY_BYTES);
  }
  for (const [name, value] of [
    ['locationType', location.locationType],
    ['defaultCheckInLengthInMinutes', location.defaultCheckInLengthInMinutes],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new ProtocolError('checkin_invalid_field', `${name} ${value} is not a uint32`);
    }
  }
}

function checkText(text: string, name: string, max: number): void {
  if (text.length === 0) throw missing(name);
  if (text.length > max) throw tooLong(name, `${text.length} characters`, max);
  if (/[\r\n]/.test(text)) {
    throw new ProtocolError('checkin_invalid_field', `the ${name} has more than one line`);
  }
}

function missing(name: string): ProtocolError {
  return new ProtocolError('checkin_missing_field', `the QR code has no ${name}`);
}

function tooLong(name: string, size: string, max: number): ProtocolError {
  return new ProtocolError('checkin_field_too_long', `the ${name} has ${size}, over the limit of ${max}`);
}

/** Runs the strict decoder, reporting its wire-level errors as `checkin_malformed`. */
function strictDecode(decode: () => PlainMessage, what: string): PlainMessage {
  try {
    return decode();
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    throw new ProtocolError('checkin_malformed', `${what} is not a valid event QR code: ${error.message}`, {
      cause: error,
    });
  }
}
