import type { ClosePairs, Handsets } from './radio-model.js';

/**
 * The close pairs in which both people carry a phone with the app (finite TX power), copied out of
 * a mobility step's batch. At 24 % adoption that is about 6 % of the pairs, so the per-minute radio
 * loop of a step runs on this short list instead of on every close pair.
 */
export function appPairs(pairs: ClosePairs, handsets: Handsets): ClosePairs {
  const keep: number[] = [];
  for (let i = 0; i < pairs.count; i++) {
    const a = pairs.a[i] ?? 0;
    const b = pairs.b[i] ?? 0;
    if (
      Number.isFinite(handsets.txPower[a] ?? Number.NaN) &&
      Number.isFinite(handsets.txPower[b] ?? Number.NaN)
    ) {
      keep.push(i);
    }
  }
  const take = <T extends Int32Array | Float32Array | Uint8Array>(source: T, target: T): T => {
    keep.forEach((index, i) => {
      target[i] = source[index] ?? 0;
    });
    return target;
  };
  const n = keep.length;
  return {
    count: n,
    a: take(pairs.a, new Int32Array(n)),
    b: take(pairs.b, new Int32Array(n)),
    distanceM: take(pairs.distanceM, new Float32Array(n)),
    carryingA: take(pairs.carryingA, new Uint8Array(n)),
    carryingB: take(pairs.carryingB, new Uint8Array(n)),
    ...(pairs.crowdDensity ? { crowdDensity: take(pairs.crowdDensity, new Float32Array(n)) } : {}),
  };
}
