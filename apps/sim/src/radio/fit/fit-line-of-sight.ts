import type { RadioFitStatistics } from '../radio-parameters.js';
import { groupMoments, type MeasuredGroup } from './measured-group.js';

/** Log-distance fit of the robot bench (free line of sight, no bodies, no reflections modelled). */
export interface LineOfSightFit {
  readonly pathLossExponent: number;
  /** Mean RSSI at 1 m per directed link (dBm): the Herald app's own TX power, not GAEN's. */
  readonly interceptDbm: Readonly<Record<string, number>>;
  /** Spread of the per-position means around the line (multipath, dB). */
  readonly shadowingSdDb: number;
  /** Spread of readings at one position (dB). */
  readonly fadingSdDb: number;
  readonly statistics: RadioFitStatistics;
}

/** Distances below this are left out of the line-of-sight fit (the phones touch). */
const MIN_DISTANCE_M = 0.1;

/**
 * Ordinary least squares of mean RSSI on −10·log10(d) with one intercept per directed link (the
 * herald phones advertise at their app's power, so only the slope carries over), on positions with
 * at least 20 readings at ≥ 0.1 m.
 */
export function fitLineOfSight(groups: readonly MeasuredGroup[]): LineOfSightFit {
  const used = groups.filter((group) => group.distanceM >= MIN_DISTANCE_M && group.readings.length >= 20);
  const points = used.map((group) => ({
    group,
    x: -10 * Math.log10(group.distanceM),
    ...groupMoments(group),
  }));
  const byLink = new Map<string, typeof points>();
  for (const point of points) byLink.set(point.group.link, [...(byLink.get(point.group.link) ?? []), point]);
  let numerator = 0;
  let denominator = 0;
  const centres = new Map<string, { x: number; y: number }>();
  for (const [link, list] of byLink) {
    const x = list.reduce((s, p) => s + p.x, 0) / list.length;
    const y = list.reduce((s, p) => s + p.mean, 0) / list.length;
    centres.set(link, { x, y });
    for (const p of list) {
      numerator += (p.x - x) * (p.mean - y);
      denominator += (p.x - x) ** 2;
    }
  }
  const exponent = numerator / denominator;
  const interceptDbm = Object.fromEntries(
    [...centres].map(([link, centre]) => [link, centre.y - exponent * centre.x]),
  );
  const residuals = points.map((p) => p.mean - ((interceptDbm[p.group.link] ?? 0) + exponent * p.x));
  const readings = used.reduce((sum, group) => sum + group.readings.length, 0);
  const pooledVariance = points.reduce((sum, p) => sum + p.sd ** 2 * p.group.readings.length, 0) / readings;
  const rms = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
  return {
    pathLossExponent: exponent,
    interceptDbm,
    shadowingSdDb: rms,
    fadingSdDb: Math.sqrt(pooledVariance),
    statistics: {
      dataset: 'herald-edison',
      groups: used.length,
      readings,
      rmsMeanErrorDb: rms,
      rmsSdErrorDb: 0,
      extra: {},
    },
  };
}
