import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveServerKeys } from '../crypto/server-keys.js';
import { covers, createRevisionTokens, SEALED_TOKEN_BYTES } from './revision-token.js';

const tokens = createRevisionTokens(deriveServerKeys(new Uint8Array(32).fill(1)));
const otherServer = createRevisionTokens(deriveServerKeys(new Uint8Array(32).fill(2)));

const revisableKey = fc.record({
  keyData: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  rollingStartIntervalNumber: fc.nat(0xffffffff),
  rollingPeriod: fc.integer({ min: 1, max: 144 }),
});

describe('revision tokens', () => {
  it('round-trip up to 30 keys, every token the same size', () => {
    fc.assert(
      fc.property(fc.array(revisableKey, { maxLength: 30 }), (keys) => {
        const token = tokens.issue(keys);
        expect(Buffer.from(token, 'base64')).toHaveLength(SEALED_TOKEN_BYTES);
        expect(tokens.open(token)).toEqual(keys);
        for (const key of keys) expect(covers(tokens.open(token) ?? [], key)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('cannot be read or forged without the server secret, nor altered', () => {
    const key = {
      keyData: new Uint8Array(16).fill(9),
      rollingStartIntervalNumber: 2_963_952,
      rollingPeriod: 144,
    };
    const token = tokens.issue([key]);
    expect(otherServer.open(token)).toBeUndefined();
    const bytes = Buffer.from(token, 'base64');
    bytes[20] = (bytes[20] as number) ^ 1;
    expect(tokens.open(bytes.toString('base64'))).toBeUndefined();
    for (const garbage of ['', 'AAAA', '!!!', 'A'.repeat(880)]) expect(tokens.open(garbage)).toBeUndefined();
  });

  it('cover a key only with the same bytes, start and period', () => {
    const key = {
      keyData: new Uint8Array(16).fill(9),
      rollingStartIntervalNumber: 2_963_952,
      rollingPeriod: 144,
    };
    expect(covers([key], { ...key, rollingPeriod: 143 })).toBe(false);
    expect(covers([key], { ...key, rollingStartIntervalNumber: 2_963_953 })).toBe(false);
    expect(covers([key], { ...key, keyData: new Uint8Array(16) })).toBe(false);
  });
});
