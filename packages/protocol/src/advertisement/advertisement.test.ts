import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.js';
import { isProtocolError } from '../errors.js';
import { loadVectors } from '../test-support/spec.js';
import { ADVERTISEMENT_LENGTH, decodeAdvertisement, encodeAdvertisement } from './advertisement.js';
import { decodeServiceData, encodeServiceData } from './service-data.js';

const v = loadVectors().tek.rpi[0] as { rpi: string; aem: string };
const rpi = fromHex(v.rpi);
const aem = fromHex(v.aem);
const SPEC_PAYLOAD = `02011a 03036ffd 17166ffd ${v.rpi} ${v.aem}`.replaceAll(' ', '');

const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
const bytes4 = fc.uint8Array({ minLength: 4, maxLength: 4 });

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    return error.code;
  }
}

describe('Exposure Notification advertisement', () => {
  it('encodes the 31-byte payload of the GAEN Bluetooth Specification v1.2', () => {
    const payload = encodeAdvertisement({ rpi, aem });
    expect(payload).toHaveLength(ADVERTISEMENT_LENGTH);
    expect(toHex(payload)).toBe(SPEC_PAYLOAD);
    expect(toHex(encodeAdvertisement({ rpi, aem }, { flags: null }))).toBe(SPEC_PAYLOAD.slice(6));
  });

  it('round-trips any RPI and AEM, with or without Flags', () => {
    fc.assert(
      fc.property(bytes16, bytes4, fc.option(fc.integer({ min: 0, max: 255 })), (r, a, flags) => {
        const decoded = decodeAdvertisement(encodeAdvertisement({ rpi: r, aem: a }, { flags }));
        expect(toHex(decoded.rpi) + toHex(decoded.aem)).toBe(toHex(r) + toHex(a));
      }),
    );
  });

  it('accepts structures in any order, extra ones, and a zero-padded scan record', () => {
    const flags = fromHex('020106');
    const uuids = fromHex('05020f186ffd'); // incomplete list: battery service, then FD6F
    const service = fromHex(`17166ffd${v.rpi}${v.aem}`);
    const txPower = fromHex('020a07');
    const otherService = fromHex('05160f1864ff');
    const shuffled = concatBytes(service, txPower, otherService, uuids, flags, new Uint8Array(20));
    expect(shuffled.length).toBeLessThanOrEqual(62);
    const decoded = decodeAdvertisement(shuffled);
    expect(toHex(decoded.rpi)).toBe(v.rpi);
    expect(toHex(decoded.aem)).toBe(v.aem);
    // The result owns its bytes.
    shuffled.fill(0);
    expect(toHex(decoded.rpi)).toBe(v.rpi);
  });

  it.each([
    ['', 'advertisement_truncated', /empty/],
    [SPEC_PAYLOAD.slice(0, -2), 'advertisement_truncated', /offset 7 declares 23 bytes but only 22/],
    [`${SPEC_PAYLOAD}${'00'.repeat(32)}`, 'advertisement_too_long', /63 bytes/],
    [SPEC_PAYLOAD.replace('17166ffd', '17166ffe'), 'advertisement_wrong_uuid', /0xfe6f/],
    [SPEC_PAYLOAD.replace('03036ffd', '03030f18'), 'advertisement_wrong_uuid', /does not contain 0xfd6f/],
    [SPEC_PAYLOAD.slice(14), 'advertisement_missing_uuid', /no 16-bit service UUID list/],
    [SPEC_PAYLOAD.slice(0, 14), 'advertisement_missing_service_data', /FD6F/],
    [
      `${SPEC_PAYLOAD.slice(0, 14)}18166ffd${v.rpi}${v.aem}00`,
      'advertisement_bad_length',
      /offset 7: length 0x18, expected 0x17/,
    ],
    [`03011a00${SPEC_PAYLOAD.slice(6)}`, 'advertisement_bad_length', /Flags at offset 0: length 0x03/],
    [`020366${SPEC_PAYLOAD.slice(0, 6)}`, 'advertisement_bad_length', /UUID list at offset 0: length 0x02/],
    [`${SPEC_PAYLOAD}020102`, 'advertisement_duplicate_structure', /second Flags structure at offset 31/],
    [`${SPEC_PAYLOAD.slice(6)}${SPEC_PAYLOAD.slice(14)}`, 'advertisement_duplicate_structure', /offset 28/],
    [
      `${SPEC_PAYLOAD}000001`,
      'advertisement_bad_padding',
      /0x01 at offset 33 after the terminator at offset 31/,
    ],
    ['01166f', 'advertisement_bad_length', /no room for a UUID/],
  ])('rejects %s with %s', (hex, code, message) => {
    expect(() => decodeAdvertisement(fromHex(hex))).toThrow(message);
    expect(codeOf(() => decodeAdvertisement(fromHex(hex)))).toBe(code);
  });

  it('either decodes random bytes or throws a ProtocolError, never anything else', () => {
    const structure = fc.oneof(
      fc.uint8Array({ maxLength: 8 }).map((d) => Uint8Array.of(d.length + 1, 0x16, ...d)),
      fc.constant(fromHex('03036ffd')),
      fc.constant(fromHex('02011a')),
      fc.tuple(bytes16, bytes4).map(([r, a]) => concatBytes(fromHex('17166ffd'), r, a)),
      fc.uint8Array({ maxLength: 6 }),
    );
    const inputs = fc.oneof(
      fc.uint8Array({ maxLength: 70 }),
      fc.array(structure, { maxLength: 5 }).map((parts) => concatBytes(...parts)),
      fc.tuple(fc.nat(30), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
        const mutated = fromHex(SPEC_PAYLOAD);
        mutated[i] = b;
        return mutated;
      }),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const code = codeOf(() => {
          const { rpi: r, aem: a } = decodeAdvertisement(input);
          expect(r).toHaveLength(16);
          expect(a).toHaveLength(4);
          // Whatever decodes must carry its RPI and AEM somewhere in the input, after 6F FD.
          expect(toHex(input)).toContain(`6ffd${toHex(r)}${toHex(a)}`);
        });
        if (code !== undefined) expect(code).toMatch(/^advertisement_/);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to encode an RPI, AEM or Flags of the wrong size', () => {
    expect(codeOf(() => encodeAdvertisement({ rpi: rpi.slice(1), aem }))).toBe('invalid_rpi');
    expect(codeOf(() => encodeAdvertisement({ rpi, aem: new Uint8Array(5) }))).toBe('invalid_aem');
    expect(codeOf(() => encodeAdvertisement({ rpi, aem }, { flags: 256 }))).toBe('invalid_flags');
  });
});

describe('FD6F service data', () => {
  it('is RPI then AEM, 20 bytes, and decodes with or without the leading UUID', () => {
    const data = encodeServiceData({ rpi, aem });
    expect(toHex(data)).toBe(v.rpi + v.aem);
    for (const form of [data, concatBytes(fromHex('6ffd'), data)]) {
      const decoded = decodeServiceData(form);
      expect(toHex(decoded.rpi)).toBe(v.rpi);
      expect(toHex(decoded.aem)).toBe(v.aem);
    }
  });

  it('round-trips and rejects every other length or UUID', () => {
    fc.assert(
      fc.property(bytes16, bytes4, (r, a) => {
        const decoded = decodeServiceData(encodeServiceData({ rpi: r, aem: a }));
        expect(toHex(decoded.rpi) + toHex(decoded.aem)).toBe(toHex(r) + toHex(a));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 30 }), (input) => {
        const code = codeOf(() => decodeServiceData(input));
        if (input.length === 20) expect(code).toBeUndefined();
        else if (input.length === 22 && input[0] === 0x6f && input[1] === 0xfd) expect(code).toBeUndefined();
        else expect(code).toBe(input.length === 22 ? 'advertisement_wrong_uuid' : 'advertisement_bad_length');
      }),
    );
    expect(() => decodeServiceData(new Uint8Array(21))).toThrow(/21 bytes, expected 20 .* or 22/);
  });
});
