import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Url, fromHex, toBase64, toHex } from '../bytes.js';
import { SAMPLE_VENUE, TEST_EVENT_HOSTS } from '../test-support/checkin-fixtures.js';
import { loadCheckinVectors } from '../test-support/spec.js';
import { readEventUrl, summarizeEventQrCode } from './event-qr-code.js';
import { cwaEventUrl, eventUrl } from './event-url.js';
import { traceLocationId, traceLocationIdHash } from './location-id.js';
import { decodeQrCodePayload, encodeQrCodePayload, type TraceLocationInput } from './qr-code-payload.js';

// Vectors from Corona-Warn-App's own tests and documentation (sources in spec/cwa-checkin-vectors.json).
const vectors = loadCheckinVectors();
const HOSTS = TEST_EVENT_HOSTS;

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

const venue = SAMPLE_VENUE;

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
