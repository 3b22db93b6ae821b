import { ContactBatch } from '../mobility/contact-batch.js';

/** A pair for a synthetic step: people a < b at `distanceM`. */
export type SyntheticPair = readonly [a: number, b: number, distanceM: number];

/** A ContactBatch for tests: `pairs` close for `minutes` from `startMinute` of `day`. */
export function syntheticBatch(
  day: number,
  startMinute: number,
  minutes: number,
  pairs: readonly SyntheticPair[],
): ContactBatch {
  const batch = new ContactBatch();
  batch.reset(day, startMinute, minutes);
  for (const [a, b, distanceM] of pairs) batch.push(Math.min(a, b), Math.max(a, b), 0, distanceM, 0, 0, 0.1);
  return batch;
}
