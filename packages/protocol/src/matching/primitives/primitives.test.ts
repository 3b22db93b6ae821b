import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes.js';
import {
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
} from '../../keys/derivation.js';
import { loadVectors } from '../../test-support/spec.js';
import type { IntervalNumber } from '../../time/interval.js';
import { jsMatchingPrimitives } from './matching-primitives.js';
import { INFO_AEMK_WORDS, zeroSaltHkdf16 } from './zero-salt-hkdf.js';

const tekArb = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('pure-JS matching primitives equal @noble HKDF and AES', () => {
  it('derives the GAEN test vector', () => {
    const v = loadVectors().tek;
    const tek = Uint8Array.from(v.tek.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
    const rpik = new Uint8Array(16);
    jsMatchingPrimitives.rpiKey(tek, rpik);
    expect(toHex(rpik)).toBe(v.rpik);
    const blocks = new Uint8Array(16 * 144);
    jsMatchingPrimitives.rpis(
      rpik,
      Uint32Array.from({ length: 144 }, (_, i) => v.keyInterval + i),
      144,
      blocks,
    );
    for (const { i, rpi } of v.rpi) expect(toHex(blocks.subarray(16 * i, 16 * i + 16))).toBe(rpi);
  });

  it('RPIK and AEMK equal HKDF-SHA256 for random TEKs', () => {
    fc.assert(
      fc.property(tekArb, (tek) => {
        const out = new Uint8Array(20);
        jsMatchingPrimitives.rpiKey(tek, out);
        expect(toHex(out.subarray(0, 16))).toBe(toHex(deriveRollingProximityIdentifierKey(tek)));
        zeroSaltHkdf16(tek, INFO_AEMK_WORDS[0], INFO_AEMK_WORDS[1], out, 4);
        expect(toHex(out.subarray(4))).toBe(toHex(deriveAssociatedEncryptedMetadataKey(tek)));
      }),
      { numRuns: 300 },
    );
  });

  it('RPIs equal AES-128-ECB of PaddedData for any intervals, in any selection', () => {
    fc.assert(
      fc.property(
        tekArb,
        fc.integer({ min: 0, max: 0xffffffff - 143 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 143 }), { minLength: 1, maxLength: 144 }),
        (tek, start, picks) => {
          const rpik = deriveRollingProximityIdentifierKey(tek);
          const all = deriveRollingProximityIdentifiers(rpik, start as IntervalNumber, 144);
          const chosen = picks.sort((a, b) => a - b);
          const blocks = new Uint8Array(16 * 144);
          jsMatchingPrimitives.rpis(
            rpik,
            Uint32Array.from(chosen, (k) => start + k),
            chosen.length,
            blocks,
          );
          chosen.forEach((k, n) => {
            expect(toHex(blocks.subarray(16 * n, 16 * n + 16))).toBe(toHex(all[k] as Uint8Array));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
