import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toBase64 } from '../bytes.js';
import { isProtocolError } from '../errors.js';
import { loadVectors } from '../test-support/spec.js';
import { computeTekmac, type PublishedKey, tekmacCleartext, verifyTekmac } from './tekmac.js';

const vectors = loadVectors().tekmac;
const hmacKey = fromHex(vectors.hmacKeyHex);
type Case = {
  keys: PublishedKey[];
  cleartext: string;
  tekmac: string;
  altCleartext?: string;
  altTekmac?: string;
};
const cases = vectors.cases as Case[];

const publishedKey = fc.record({
  key: fc.uint8Array({ minLength: 16, maxLength: 16 }).map(toBase64),
  rollingStartNumber: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  rollingPeriod: fc.integer({ min: 1, max: 144 }),
  transmissionRisk: fc.integer({ min: 0, max: 8 }),
});

describe('verification HMAC (tekmac)', () => {
  it.each(cases.map((c, i) => [i, c] as const))('matches vector %i, cleartext included', (_, c) => {
    expect(tekmacCleartext(c.keys)).toBe(c.cleartext);
    expect(computeTekmac(hmacKey, c.keys)).toBe(c.tekmac);
    expect(verifyTekmac(hmacKey, c.keys, c.tekmac)).toBe(true);
    if (c.altCleartext !== undefined && c.altTekmac !== undefined) {
      expect(tekmacCleartext(c.keys, { withTransmissionRisk: false })).toBe(c.altCleartext);
      expect(computeTekmac(hmacKey, c.keys, { withTransmissionRisk: false })).toBe(c.altTekmac);
      expect(verifyTekmac(hmacKey, c.keys, c.altTekmac)).toBe(true);
      expect(verifyTekmac(hmacKey, c.keys, c.altTekmac, { allowWithoutTransmissionRisk: false })).toBe(false);
    }
  });

  it('accepts the form without transmission risk only when every risk is 0', () => {
    const withRisk = cases[0] as Case;
    const short = computeTekmac(hmacKey, withRisk.keys, { withTransmissionRisk: false });
    expect(verifyTekmac(hmacKey, withRisk.keys, short)).toBe(false);
  });

  it('does not depend on the order of the keys, and a missing risk counts as 0', () => {
    const c = cases[1] as Case;
    expect(computeTekmac(hmacKey, [...c.keys].reverse())).toBe(c.tekmac);
    const noRisk = c.keys.map(({ transmissionRisk: _, ...rest }) => rest);
    expect(computeTekmac(hmacKey, noRisk)).toBe(c.tekmac);
  });

  it('rejects any other key, keys, claim or malformed claim', () => {
    fc.assert(
      fc.property(fc.array(publishedKey, { minLength: 1, maxLength: 30 }), fc.nat(29), (keys, i) => {
        const tekmac = computeTekmac(hmacKey, keys);
        expect(verifyTekmac(hmacKey, [...keys].reverse(), tekmac)).toBe(true);
        const changed = keys.map((k, j) =>
          j === i % keys.length
            ? { ...k, rollingPeriod: k.rollingPeriod === 144 ? 143 : k.rollingPeriod + 1 }
            : k,
        );
        expect(verifyTekmac(hmacKey, changed, tekmac)).toBe(false);
        // (Not the key with a zero byte appended: HMAC pads short keys with zeros, so that one is equal.)
        expect(verifyTekmac(fromHex(`ff${vectors.hmacKeyHex.slice(2)}`), keys, tekmac)).toBe(false);
      }),
      { numRuns: 200 },
    );
    const c = cases[0] as Case;
    for (const claim of ['', 'not base64!', c.tekmac.slice(0, -4), `${c.tekmac}AAAA`]) {
      expect(verifyTekmac(hmacKey, c.keys, claim)).toBe(false);
    }
  });

  it('needs an HMAC key of at least 16 bytes and at least one well-formed key', () => {
    const c = cases[0] as Case;
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return isProtocolError(error) ? error.code : 'not a ProtocolError';
      }
    };
    expect(codeOf(() => computeTekmac(new Uint8Array(15), c.keys))).toBe('invalid_hmac_key');
    expect(computeTekmac(new Uint8Array(16), c.keys)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(codeOf(() => computeTekmac(hmacKey, []))).toBe('tekmac_no_keys');
    const bad = [{ ...c.keys[0], rollingPeriod: 1.5 }] as PublishedKey[];
    expect(codeOf(() => computeTekmac(hmacKey, bad))).toBe('tekmac_invalid_key');
    expect(codeOf(() => verifyTekmac(hmacKey, [{ key: 7 } as unknown as PublishedKey], 'AAAA'))).toBe(
      'tekmac_invalid_key',
    );
  });
});
