import type { MeasuredGroup } from './measured-group.js';

/** The `q` quantile of all readings of all groups. */
export function readingQuantile(groups: readonly MeasuredGroup[], q: number): number {
  const all = Float64Array.from(groups.flatMap((group) => Array.from(group.readings))).sort();
  return all[Math.min(all.length - 1, Math.floor(q * all.length))] ?? Number.NaN;
}

/**
 * A phone's own deviation from its calibration (sd per TX and per RX, dB), from the fitted offsets of
 * the directed links of each pair of test phones: the difference between a pair's two directions
 * holds four such terms (TX and RX of each phone), so σ = rms(difference) / 2. Links are paired by
 * their names `x→y` and `y→x`.
 */
export function phoneOffsetSd(linkOffsetDb: Readonly<Record<string, number>>): number {
  const differences: number[] = [];
  for (const [link, offset] of Object.entries(linkOffsetDb)) {
    const [from = '', to = ''] = link.split('→');
    const reverse = linkOffsetDb[`${to}→${from}`];
    if (reverse !== undefined && from < to) differences.push(offset - reverse);
  }
  if (differences.length === 0) return 0;
  return Math.sqrt(differences.reduce((sum, d) => sum + d * d, 0) / differences.length) / 2;
}
