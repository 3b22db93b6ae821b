import {
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  type IntervalNumber,
  jsMatchingPrimitives,
  type MatchingPrimitives,
  toHex,
} from '@bluezone/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naiveNodeMatchingPrimitives, nodeMatchingPrimitives } from './node-primitives.js';

const variants: [string, MatchingPrimitives][] = [
  ['hybrid', nodeMatchingPrimitives()],
  ['node:crypto AES only', nodeMatchingPrimitives(0)],
  ['naive', naiveNodeMatchingPrimitives()],
];

describe.each(variants)('%s matching primitives equal the protocol derivation', (_name, primitives) => {
  it('on random TEKs, rolling starts and interval selections', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 0xffffffff - 143 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 143 }), { minLength: 1, maxLength: 144 }),
        (tek, start, picks) => {
          const rpik = new Uint8Array(16);
          primitives.rpiKey(tek, rpik);
          expect(toHex(rpik)).toBe(toHex(deriveRollingProximityIdentifierKey(tek)));
          const all = deriveRollingProximityIdentifiers(rpik, start as IntervalNumber, 144);
          const chosen = picks.sort((a, b) => a - b);
          const out = new Uint8Array(16 * 144);
          primitives.rpis(
            rpik,
            Uint32Array.from(chosen, (k) => start + k),
            chosen.length,
            out,
          );
          chosen.forEach((k, n) => {
            expect(toHex(out.subarray(16 * n, 16 * n + 16))).toBe(toHex(all[k] as Uint8Array));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

it('the hybrid and pure-JS primitives agree key after key (no state leaks between keys)', () => {
  const hybrid = nodeMatchingPrimitives(8);
  const a = new Uint8Array(16 * 144);
  const b = new Uint8Array(16 * 144);
  const rpik = new Uint8Array(16);
  for (let n = 0; n < 40; n++) {
    const tek = Uint8Array.from({ length: 16 }, (_, i) => (n * 31 + i * 7) & 255);
    jsMatchingPrimitives.rpiKey(tek, rpik);
    const count = 1 + ((n * 13) % 144);
    const intervals = Uint32Array.from({ length: count }, (_, i) => 2_900_000 + i);
    hybrid.rpis(rpik, intervals, count, a);
    jsMatchingPrimitives.rpis(rpik, intervals, count, b);
    expect(toHex(a.subarray(0, 16 * count))).toBe(toHex(b.subarray(0, 16 * count)));
  }
});
