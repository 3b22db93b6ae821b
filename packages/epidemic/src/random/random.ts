import { gamma, poisson, standardNormal } from './distributions.js';
import { hashKey, streamKey } from './seed-hash.js';
import { Sfc32 } from './sfc32.js';

/**
 * A seeded random stream. Every subsystem takes its own stream with `fork(label)`: a fork depends
 * only on the root seed and the chain of labels, never on how many numbers were drawn before, so a
 * new draw in the radio model cannot change the population.
 */
export class Random {
  private readonly generator: Sfc32;
  private readonly uniform = (): number => this.generator.nextFloat();

  /** A stream for `seed`, optionally already forked along `labels`. */
  constructor(
    readonly seed: number | string,
    readonly labels: readonly string[] = [],
  ) {
    this.generator = new Sfc32(hashKey(streamKey(seed, labels)));
  }

  /** An independent stream named `label` below this one (same seed and labels → same stream). */
  fork(label: string): Random {
    return new Random(this.seed, [...this.labels, label]);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.generator.nextFloat();
  }

  /** A 32-bit unsigned integer. */
  nextUint32(): number {
    return this.generator.nextUint32();
  }

  /** A float in [low, high). */
  uniformBetween(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** An integer in [low, high] (both inclusive). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** True with probability `p`. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Normal with this mean and standard deviation. */
  normal(mean = 0, sd = 1): number {
    return mean + sd * standardNormal(this.uniform);
  }

  /** Lognormal: exp of a normal with mean `mu` and sd `sigma` (on the log scale). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Gamma with this shape and scale (mean shape × scale). */
  gamma(shape: number, scale: number): number {
    return gamma(this.uniform, shape, scale);
  }

  /** Gamma given by its mean and standard deviation (shape mean²/sd², scale sd²/mean). */
  gammaMeanSd(mean: number, sd: number): number {
    return gamma(this.uniform, (mean * mean) / (sd * sd), (sd * sd) / mean);
  }

  /**
   * Negative binomial with this mean and standard deviation (sd² > mean), as a gamma–Poisson
   * mixture; Poisson when sd² ≤ mean.
   */
  negativeBinomial(mean: number, sd: number): number {
    const excess = sd * sd - mean;
    if (excess <= 0) return this.poisson(mean);
    const k = (mean * mean) / excess;
    return this.poisson(gamma(this.uniform, k, mean / k));
  }

  /** Weibull with this shape and scale, by inversion. */
  weibull(shape: number, scale: number): number {
    return scale * (-Math.log(1 - this.next())) ** (1 / shape);
  }

  /** Exponential with this mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Poisson with this mean. */
  poisson(mean: number): number {
    return poisson(this.uniform, mean);
  }

  /** A uniformly chosen element (the array must not be empty). */
  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('choice from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with probability proportional to `weights[i]` (linear scan; see WeightedTable). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = items[i] as T;
      items[i] = items[j] as T;
      items[j] = swap;
    }
    return items;
  }
}
