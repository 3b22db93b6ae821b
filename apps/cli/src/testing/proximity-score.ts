// Scores `bluezone eval proximity` pair-days against true distances: "close" (≤ cutCm) is the
// positive class, the command's closeContact the prediction.

import { pairDayKey } from './ble-sightings.js';

export interface ScoredPair {
  readonly receiver: string;
  readonly transmitter: string;
  readonly day: string;
  readonly closeContact: boolean;
  readonly weightedMinutes: number;
}

export interface ProximityScore {
  readonly pairs: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** Of the pair-days flagged, the share truly ≤ cutCm (1 when none flagged). */
  readonly precision: number;
  /** Of the pair-days truly ≤ cutCm, the share flagged. */
  readonly recall: number;
  /** Of the pair-days truly > cutCm, the share not flagged. */
  readonly specificity: number;
}

/** Confusion counts and rates; every pair must have a true distance. */
export function scoreProximity(
  pairs: readonly ScoredPair[],
  distanceCm: ReadonlyMap<string, number>,
  cutCm = 200,
  include: (distance: number) => boolean = () => true,
): ProximityScore {
  let [tp, fp, fn, tn] = [0, 0, 0, 0];
  for (const p of pairs) {
    const distance = distanceCm.get(pairDayKey(p.receiver, p.transmitter, p.day));
    if (distance === undefined)
      throw new Error(`no true distance for ${p.receiver} → ${p.transmitter} on ${p.day}`);
    if (!include(distance)) continue;
    const close = distance <= cutCm;
    if (p.closeContact && close) tp += 1;
    else if (p.closeContact) fp += 1;
    else if (close) fn += 1;
    else tn += 1;
  }
  const rate = (a: number, b: number) => (a + b === 0 ? 1 : a / (a + b));
  return {
    pairs: tp + fp + fn + tn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: rate(tp, fp),
    recall: rate(tp, fn),
    specificity: rate(tn, fp),
  };
}

export const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
