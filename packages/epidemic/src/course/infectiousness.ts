import type { EpidemicParameters } from './parameters.js';

/** Minutes per day. */
export const MINUTES_PER_DAY = 1440;
/** Resolution of the infectiousness table (minutes). */
export const INFECTIOUSNESS_STEP_MINUTES = 5;

/** Quantile of a Weibull distribution (inverse of 1 − exp(−(t/scale)^shape)). */
export function weibullQuantile(p: number, shape: number, scale: number): number {
  return scale * (-Math.log(1 - p)) ** (1 / shape);
}

/** Weibull density at t (per unit of t). */
export function weibullDensity(t: number, shape: number, scale: number): number {
  if (t <= 0) return 0;
  const x = t / scale;
  return (shape / scale) * x ** (shape - 1) * Math.exp(-(x ** shape));
}

/**
 * Infectiousness against time since infection, tabulated every INFECTIOUSNESS_STEP_MINUTES: the
 * generation-time density (per day) between its tail/2 and 1 − tail/2 quantiles, rescaled to integrate
 * to 1, and 0 outside. `startMinute`/`endMinute` bound the infectious period (exposed before,
 * recovered after).
 */
export class InfectiousnessProfile {
  readonly table: Float32Array;
  readonly startMinute: number;
  readonly endMinute: number;

  constructor(parameters: Pick<EpidemicParameters, 'generationTime' | 'generationTimeTail'>) {
    const { shape, scale } = parameters.generationTime;
    const tail = parameters.generationTimeTail;
    const startDay = tail > 0 ? weibullQuantile(tail / 2, shape, scale) : 0;
    const endDay = weibullQuantile(1 - Math.max(tail / 2, 1e-6), shape, scale);
    this.startMinute = Math.round(startDay * MINUTES_PER_DAY);
    this.endMinute = Math.round(endDay * MINUTES_PER_DAY);
    const step = INFECTIOUSNESS_STEP_MINUTES;
    this.table = new Float32Array(Math.ceil(this.endMinute / step));
    let integral = 0;
    for (let k = 0; k < this.table.length; k++) {
      const minute = (k + 0.5) * step;
      if (minute < this.startMinute || minute >= this.endMinute) continue;
      const density = weibullDensity(minute / MINUTES_PER_DAY, shape, scale);
      this.table[k] = density;
      integral += (density * step) / MINUTES_PER_DAY;
    }
    for (let k = 0; k < this.table.length; k++) this.table[k] = (this.table[k] ?? 0) / integral;
  }

  /** Infectiousness (per day) `minutes` after infection. */
  at(minutes: number): number {
    if (minutes < 0) return 0;
    return this.table[Math.floor(minutes / INFECTIOUSNESS_STEP_MINUTES)] ?? 0;
  }
}

/**
 * Relative transmission risk at distance d (m): riskRatioPerM^−(d − referenceM), i.e. 1 at the
 * reference distance, ×riskRatioPerM per metre closer, ÷ per metre further (Chu et al. 2020).
 */
export function distanceFactor(distanceM: number, distance: EpidemicParameters['distance']): number {
  return Math.exp(-Math.log(distance.riskRatioPerM) * (distanceM - distance.referenceM));
}

/**
 * Infectiousness by whole day since infection, for a day-stepped model: entry t is the share of the
 * infectiousness curve (given by its CDF over days) between t − 1 and t, entry 0 is 0. The district
 * simulator tabulates the same curve by minutes (`InfectiousnessProfile`); the planner steps by days.
 */
export function dailyInfectiousness(cdf: (days: number) => number, days: number): Float64Array {
  const table = new Float64Array(days + 1);
  for (let t = 1; t <= days; t++) table[t] = cdf(t) - cdf(t - 1);
  return table;
}

/** Shape and scale of the gamma distribution with this mean and standard deviation. */
export function gammaShapeScale(mean: number, sd: number): { shape: number; scale: number } {
  return { shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean };
}
