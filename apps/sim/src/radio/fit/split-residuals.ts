import type { MeasuredGroup } from './measured-group.js';

/**
 * Splits the residuals of group means (measured − model) into shadowing: a part shared by both
 * directions of a pair at one spot (σ_S) and a part of each direction (σ_L). With
 * r = S + e_direction: var(mean of both) = σ_S² + σ_L²/2 and var(difference) = 2σ_L².
 * Spots measured in one direction only are skipped.
 */
export function splitResiduals(residuals: readonly { group: MeasuredGroup; mean: number }[]): {
  shadowingSdDb: number;
  linkShadowingSdDb: number;
} {
  const bySpot = new Map<string, number[]>();
  for (const { group, mean } of residuals) {
    const key = `${group.phonePair}|${group.setting}|${group.distanceM}`;
    bySpot.set(key, [...(bySpot.get(key) ?? []), mean]);
  }
  const means: number[] = [];
  const differences: number[] = [];
  for (const values of bySpot.values()) {
    if (values.length !== 2) continue;
    means.push(((values[0] ?? 0) + (values[1] ?? 0)) / 2);
    differences.push((values[0] ?? 0) - (values[1] ?? 0));
  }
  const meanSquare = (values: number[]) => values.reduce((s, v) => s + v * v, 0) / Math.max(1, values.length);
  const linkVariance = meanSquare(differences) / 2;
  return {
    shadowingSdDb: Math.sqrt(Math.max(0, meanSquare(means) - linkVariance / 2)),
    linkShadowingSdDb: Math.sqrt(linkVariance),
  };
}
