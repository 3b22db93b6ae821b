import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Url, fromHex, toBase64, toBase64Url, toHex } from '../bytes.js';
import { protocolErrorCode } from '../test-support/error-code.js';
import { loadCheckinVectors } from '../test-support/spec.js';
import { readEventUrl, summarizeEventQrCode } from './event-qr-code.js';
import { cwaEventUrl, eventUrl, parseEventUrl } from './event-url.js';
import { traceLocationId, traceLocationIdHash } from './location-id.js';
import { decodeQrCodePayload, encodeQrCodePayload, type TraceLocationInput } from './qr-code-payload.js';
import { TraceLocationType } from './trace-location.js';

// Vectors from Corona-Warn-App's own tests and documentation (sources in spec/cwa-checkin-vectors.json).
const vectors = loadCheckinVectors();
const HOSTS = { hosts: ['bluezone.gov.vn', '127.0.0.1:3000'] };

const payloadOf = (v: { payloadBase64?: string; payloadBase64url?: string }) =>
  v.payloadBase64 !== undefined ? fromBase64(v.payloadBase64) : fromBase64Url(v.payloadBase64url ?? '');

function fieldsOf(location: ReturnType<typeof decodeQrCodePayload>) {
  const { version, locationId, locationIdHash, ...fields } = summarizeEventQrCode({
    location,
    locationId: new Uint8Array(32),
    locationIdHash: new Uint8Array(32),
  });
  return fields;
}

describe("CWA's payloads and location IDs", () => {
  it.each(vectors.payloads)('$source', (vector) => {
    const payload = payloadOf(vector);
    const id = traceLocationId(payload);
    if ('locationIdHex' in vector) expect(toHex(id)).toBe(vector.locationIdHex);
    if ('locationIdBase64' in vector) expect(toBase64(id)).toBe(vector.locationIdBase64);
    const location = decodeQrCodePayload(payload);
    expect(fieldsOf(location)).toEqual(vector.fields);
    // Our encoder writes the very bytes CWA's did: the same venue gets the same ID here and there
    // (it makes only new-format codes, with a 16-byte seed; the early test payloads have 4).
    if (location.cryptographicSeed.length === 16) {
      expect(toHex(encodeQrCodePayload(location as TraceLocationInput))).toBe(toHex(payload));
    } else {
      expect(() => encodeQrCodePayload(location as TraceLocationInput)).toThrow(/16-byte cryptographic seed/);
    }
  });

  it.each(vectors.locationIdHashes)('$source', ({ locationIdHex, locationIdHashHex }) => {
    expect(toHex(traceLocationIdHash(fromHex(locationIdHex)))).toBe(locationIdHashHex);
  });

  it.each(vectors.eventUrls)('parses $source', ({ url, fields }) => {
    const code = readEventUrl(url, HOSTS);
    expect(code.kind).toBe('cwa');
    expect(fieldsOf(code.location)).toMatchObject(fields);
    expect(code.locationId).toEqual(traceLocationId(code.payload));
    expect(code.locationIdHash).toEqual(traceLocationIdHash(code.locationId));
  });

  it('reads an upper-case CWA URL, as CWA matches its pattern ignoring case', () => {
    const vector = vectors.eventUrls[0] as (typeof vectors.eventUrls)[number];
    const upper = vector.url.replace('https://e.coronawarn.app?v=1', 'HTTPS://E.CORONAWARN.APP?V=1');
    expect(readEventUrl(upper, HOSTS).location.description).toBe(vector.fields.description);
  });

  it('reads the mock-server payload as a URL with the same location ID', () => {
    const vector = vectors.payloads[2] as (typeof vectors.payloads)[number];
    const code = readEventUrl(`https://e.coronawarn.app?v=1#${vector.payloadBase64url}`, HOSTS);
    expect(toHex(code.locationId)).toBe((vector as { locationIdHex: string }).locationIdHex);
  });
});

const venue: TraceLocationInput = {
  description: 'Chợ Bến Thành',
  address: 'Lê Lợi, Quận 1, TP. Hồ Chí Minh',
  startTimestamp: 0,
  endTimestamp: 0,
  locationType: TraceLocationType.PERMANENT_RETAIL,
  defaultCheckInLengthInMinutes: 60,
  publicKey: new Uint8Array(0),
  cryptographicSeed: Uint8Array.from({ length: 16 }, (_, i) => i * 7),
};

describe('our event URLs', () => {
  it('round-trips a venue through our URL and through a CWA URL with the same location ID', () => {
    const payload = encodeQrCodePayload(venue);
    const ours = readEventUrl(eventUrl('https://bluezone.gov.vn/', payload), HOSTS);
    const cwa = readEventUrl(cwaEventUrl(payload), HOSTS);
    expect(ours.kind).toBe('bluezone');
    expect(ours.location).toEqual({ version: 1, ...venue });
    expect(cwa.locationId).toEqual(ours.locationId);
    expect(eventUrl('https://bluezone.gov.vn', payload)).toMatch(
      /^https:\/\/bluezone\.gov\.vn\/c\?v=1#[\w-]+$/,
    );
  });

  it('accepts a padded payload, upper-case host and loopback over http', () => {
    const payload = encodeQrCodePayload(venue);
    const padded = toBase64(payload).replaceAll('+', '-').replaceAll('/', '_');
    expect(parseEventUrl(`https://BlueZone.gov.vn/c?v=1#${padded}`, HOSTS).payload).toEqual(payload);
    expect(parseEventUrl(`http://127.0.0.1:3000/c?v=1#${toBase64Url(payload)}`, HOSTS).kind).toBe('bluezone');
  });

  it('round-trips any valid venue (property)', () => {
    const text = (max: number) =>
      fc
        .string({ minLength: 1, maxLength: max, unit: 'grapheme' })
        .filter((s) => s.length <= max && !/[\r\n]/.test(s));
    const times = fc.oneof(
      fc.constant([0, 0]),
      fc.tuple(fc.nat(2 ** 33), fc.nat(2 ** 20)).map(([s, d]) => [s, s + d]),
    );
    fc.assert(
      fc.property(
        text(100),
        text(100),
        times,
        fc.nat(12),
        fc.nat(100_000),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ maxLength: 96 }),
        (description, address, [start, end], type, length, seed, publicKey) => {
          const input: TraceLocationInput = {
            description,
            address,
            startTimestamp: start as number,
            endTimestamp: end as number,
            locationType: type,
            defaultCheckInLengthInMinutes: length,
            cryptographicSeed: seed,
            publicKey,
          };
          const payload = encodeQrCodePayload(input);
          const code = readEventUrl(eventUrl('https://bluezone.gov.vn', payload), HOSTS);
          expect(code.location).toEqual({ version: 1, ...input });
          expect(code.payload).toEqual(payload);
        },
      ),
    );
  });
});

/** A CWA payload with one field changed, encoded by hand from the Icecream Shop vector. */
function withLocation(overrides: Partial<TraceLocationInput>): Uint8Array {
  return encodeUnchecked({ ...venue, ...overrides });
}

// Encodes without the encoder's checks, to build payloads a hostile QR code could carry.
function encodeUnchecked(input: TraceLocationInput, version = 1): Uint8Array {
  const text = (field: number, s: string) => {
    const b = new TextEncoder().encode(s);
    return [field * 8 + 2, ...varint(b.length), ...b];
  };
  const bytes = (field: number, b: Uint8Array) =>
    b.length === 0 ? [] : [field * 8 + 2, ...varint(b.length), ...b];
  const int = (field: number, n: number) => (n === 0 ? [] : [field * 8, ...varint(n)]);
  const location = [
    ...int(1, 1),
    ...(input.description === '' ? [] : text(2, input.description)),
    ...(input.address === '' ? [] : text(3, input.address)),
    ...int(5, input.startTimestamp),
    ...int(6, input.endTimestamp),
  ];
  const notifier = [...int(1, 1), ...bytes(2, input.publicKey), ...bytes(3, input.cryptographicSeed)];
  const vendor = [
    ...int(1, 1),
    ...int(2, input.locationType),
    ...int(3, input.defaultCheckInLengthInMinutes),
  ];
  return Uint8Array.from([
    ...int(1, version),
    ...bytes(2, Uint8Array.from(location)),
    ...bytes(3, Uint8Array.from(notifier)),
    ...bytes(4, Uint8Array.from(vendor)),
  ]);
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

describe('hostile QR codes are refused with a code', () => {
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

  const good = toBase64Url(encodeQrCodePayload(venue));
  it.each([
    ['another host', `https://qr.notify-me.ch?v=2#${good}`, 'checkin_foreign_host'],
    ['another host with our path', `https://evil.example/c?v=1#${good}`, 'checkin_foreign_host'],
    ['a look-alike of CWA', `https://e.coronawarn.app.evil.example?v=1#${good}`, 'checkin_foreign_host'],
    ['CWA over http', `http://e.coronawarn.app?v=1#${good}`, 'checkin_invalid_url'],
    ['our host over http', `http://bluezone.gov.vn/c?v=1#${good}`, 'checkin_invalid_url'],
    ['our host, wrong path', `https://bluezone.gov.vn/d?v=1#${good}`, 'checkin_invalid_url'],
    [
      'CWA signed-trace-location URL',
      'https://e.coronawarn.app/c1/SINGED_ENCODED_LOCATION',
      'checkin_invalid_url',
    ],
    ['not a URL', 'hello', 'checkin_invalid_url'],
    ['empty', '', 'checkin_invalid_url'],
    ['user info in the host', `https://e.coronawarn.app@evil.example?v=1#${good}`, 'checkin_invalid_url'],
    ['URL version 2', `https://e.coronawarn.app?v=2#${good}`, 'checkin_unsupported_version'],
    ['our URL version 2', `https://bluezone.gov.vn/c?v=2#${good}`, 'checkin_unsupported_version'],
    ['no payload', 'https://e.coronawarn.app?v=1#', 'checkin_malformed'],
    [
      'standard base64 alphabet',
      `https://e.coronawarn.app?v=1#${good.slice(0, -4)}+/+/`,
      'checkin_malformed',
    ],
    [
      'impossible base64url length',
      `https://e.coronawarn.app?v=1#${good}A`.replace(/#.*/, '#AAAAA'),
      'checkin_malformed',
    ],
    ['5 KB URL', `https://e.coronawarn.app?v=1#${'A'.repeat(5000)}`, 'checkin_too_large'],
  ])('%s', (_name, text, code) => {
    expect(protocolErrorCode(() => readEventUrl(text, HOSTS))).toBe(code);
  });

  it('never throws anything but a ProtocolError on random bytes or random URLs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(protocolErrorCode(() => decodeQrCodePayload(bytes))).toMatch(/^(checkin_|no error)/);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (suffix) => {
        expect(
          protocolErrorCode(() => readEventUrl(`https://e.coronawarn.app?v=1#${suffix}`, HOSTS)),
        ).toMatch(/^(checkin_|no error)/);
      }),
    );
  });
});
