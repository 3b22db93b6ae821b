import { mix32 } from '../random/seed-hash.js';

/**
 * A uniform number in [0, 1) fixed by (key, a, b, day): the same interaction gets the same coin
 * whenever it is asked about, so whether a work tie is active on a day, or whether the app caught an
 * interaction, need not be stored to be looked up again when tracing.
 */
export function edgeCoin(key: number, a: number, b: number, day: number): number {
  let h = mix32(key ^ Math.imul(a, 0x9e3779b1));
  h = mix32(h ^ Math.imul(b, 0x85ebca77));
  h = mix32(h ^ Math.imul(day + 1, 0xc2b2ae3d));
  return h / 4294967296;
}
