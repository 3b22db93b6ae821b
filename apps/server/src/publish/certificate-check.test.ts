import { randomBytes } from 'node:crypto';
import type { PublishTemporaryExposureKey } from '@bluezone/api';
import { computeTekmac, verifyTekmac } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { tekmacMatches } from './certificate-check.js';

const keysWith = (risks: number[]): PublishTemporaryExposureKey[] =>
  risks.map((transmissionRisk, i) => ({
    key: randomBytes(16).toString('base64'),
    rollingStartNumber: 2_900_000 + 144 * i,
    rollingPeriod: 144,
    transmissionRisk,
  }));

describe('tekmacMatches (native HMAC)', () => {
  it("agrees with the protocol's verifyTekmac on both forms, wrong keys, wrong claims and bad input", () => {
    const hmacKey = randomBytes(32);
    const cases: [PublishTemporaryExposureKey[], string][] = [];
    for (const risks of [[0, 0, 0], [0, 3, 8], [5]]) {
      const keys = keysWith(risks);
      const full = computeTekmac(hmacKey, keys);
      const short = computeTekmac(hmacKey, keys, { withTransmissionRisk: false });
      cases.push(
        [keys, full],
        [keys, short],
        [[...keys].reverse(), full],
        [keys, computeTekmac(randomBytes(32), keys)],
        [keys.slice(1), full],
        [keys, full.slice(0, -4)],
        [keys, `${full.slice(0, -2)}${full.at(-2) === 'A' ? 'B' : 'A'}=`],
        [keys, 'not base64!'],
        [keys, ''],
        [[...keys, { ...(keys[0] as PublishTemporaryExposureKey), key: '' }], full],
      );
    }
    let matched = 0;
    for (const [keys, claim] of cases) {
      const expected = verifyTekmacSafely(hmacKey, keys, claim);
      expect(tekmacMatches(hmacKey, keys, claim)).toBe(expected);
      if (expected) matched++;
    }
    // With and without risk for the all-zero keys, with risk (and reordered) for the others.
    expect(matched).toBe(7);
  });
});

function verifyTekmacSafely(
  hmacKey: Uint8Array,
  keys: PublishTemporaryExposureKey[],
  claim: string,
): boolean {
  try {
    return verifyTekmac(hmacKey, keys, claim);
  } catch {
    return false;
  }
}
