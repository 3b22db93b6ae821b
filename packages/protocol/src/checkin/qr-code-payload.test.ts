import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeUnchecked,
  SAMPLE_VENUE,
  TEST_EVENT_HOSTS,
  withLocation,
} from '../test-support/checkin-fixtures.js';
import { protocolErrorCode } from '../test-support/error-code.js';
import { readEventUrl } from './event-qr-code.js';
import { cwaEventUrl } from './event-url.js';
import { decodeQrCodePayload, encodeQrCodePayload } from './qr-code-payload.js';

const venue = SAMPLE_VENUE;
const HOSTS = TEST_EVENT_HOSTS;

describe('hostile QR code payloads are refused with a code', () => {
  const url = (payload: Uint8Array) => cwaEventUrl(payload);

  it('checks the hand encoder against the real one', () => {
    expect(withLocation({})).toEqual(encodeQrCodePayload(venue));
  });

  it.each([
    ['wrong protobuf (random bytes)', Uint8Array.from([0xff, 0xff, 0xff]), 'checkin_malformed'],
    ['wrong protobuf (truncated)', encodeQrCodePayload(venue).subarray(0, 30), 'checkin_malformed'],
    ['wrong wire type for version', Uint8Array.from([0x0a, 0x00]), 'checkin_malformed'],
    ['empty payload', new Uint8Array(0), 'checkin_malformed'],
    ['payload version 2', encodeUnchecked(venue, 2), 'checkin_unsupported_version'],
    ['payload version 0', encodeUnchecked(venue, 0), 'checkin_unsupported_version'],
    ['no location data', Uint8Array.from([0x08, 0x01]), 'checkin_missing_field'],
    ['empty description', withLocation({ description: '' }), 'checkin_missing_field'],
    ['empty address', withLocation({ address: '' }), 'checkin_missing_field'],
    ['no seed', withLocation({ cryptographicSeed: new Uint8Array(0) }), 'checkin_missing_field'],
    [
      'description of 101 characters',
      withLocation({ description: 'a'.repeat(101) }),
      'checkin_field_too_long',
    ],
    ['address of 101 characters', withLocation({ address: 'đ'.repeat(101) }), 'checkin_field_too_long'],
    ['seed of 65 bytes', withLocation({ cryptographicSeed: new Uint8Array(65) }), 'checkin_field_too_long'],
    ['public key of 257 bytes', withLocation({ publicKey: new Uint8Array(257) }), 'checkin_field_too_long'],
    ['two-line description', withLocation({ description: 'A \n B' }), 'checkin_invalid_field'],
    ['two-line address', withLocation({ address: 'A \r B' }), 'checkin_invalid_field'],
    [
      'end before start',
      withLocation({ startTimestamp: 2687991, endTimestamp: 2387991 }),
      'checkin_invalid_times',
    ],
    ['start without end', withLocation({ startTimestamp: 2687991 }), 'checkin_invalid_times'],
    ['3 KB payload', withLocation({ publicKey: new Uint8Array(3000) }), 'checkin_too_large'],
  ])('%s', (_name, payload, code) => {
    expect(protocolErrorCode(() => decodeQrCodePayload(payload))).toBe(code);
    if (payload.length > 0) expect(protocolErrorCode(() => readEventUrl(url(payload), HOSTS))).toBe(code);
  });

  it('merges a location data given twice, as protobuf parsers (and so CWA) do', () => {
    const payload = encodeQrCodePayload(venue);
    // A second location_data (field 2) with only a new address: the description stays, the address changes.
    const extra = Uint8Array.from([0x12, 0x05, 0x1a, 0x03, 0x41, 0x42, 0x43]);
    const location = decodeQrCodePayload(Uint8Array.from([...payload, ...extra]));
    expect(location).toMatchObject({ description: venue.description, address: 'ABC' });
  });

  it('accepts what CWA accepts: an end without a start, start = end, 100 characters', () => {
    for (const overrides of [
      { endTimestamp: 2687991 },
      { startTimestamp: 2687991, endTimestamp: 2687991 },
      { description: 'ư'.repeat(100), address: 'a'.repeat(100) },
    ]) {
      expect(decodeQrCodePayload(withLocation(overrides))).toMatchObject(overrides);
    }
  });

  it('never throws anything but a ProtocolError on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(protocolErrorCode(() => decodeQrCodePayload(bytes))).toMatch(/^(checkin_|no error)/);
      }),
    );
  });
});
