import { describe, expect, it } from 'vitest';
import { logGamma } from './distributions.js';
import { Random } from './random.js';
import { WeightedTable } from './weighted-table.js';

const draws = (n: number, draw: () => number): number[] => Array.from({ length: n }, draw);
const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: readonly number[]): number => {
  const m = mean(values);
  return values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1);
};

describe('Random', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    const a = draws(5, () => new Random(42).nextUint32());
    expect(draws(5, () => new Random(42).nextUint32())).toEqual(a);
    const stream = new Random(42);
    const first = draws(1000, () => stream.next());
    const again = new Random(42);
    expect(draws(1000, () => again.next())).toEqual(first);
    const other = new Random(43);
    expect(draws(1000, () => other.next())).not.toEqual(first);
    expect(new Random('42').next()).not.toEqual(new Random(42).next());
  });

  it('forks depend on the seed and labels only, not on earlier draws', () => {
    const untouched = new Random(7).fork('radio');
    const busy = new Random(7);
    for (let i = 0; i < 100; i++) busy.next();
    expect(busy.fork('radio').next()).toBe(untouched.next());
    expect(new Random(7).fork('radio').next()).not.toBe(new Random(7).fork('population').next());
    expect(new Random(7).fork('a').fork('b').next()).toBe(new Random(7, ['a', 'b']).next());
    expect(new Random(7).fork('ab').next()).not.toBe(new Random(7, ['a', 'b']).next());
  });

  it('is uniform in [0, 1) (chi-square over 20 bins) and integer() covers its bounds', () => {
    const random = new Random(1);
    const bins = new Array(20).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(random.next() * 20)]++;
    const chiSquare = bins.reduce((sum, count) => sum + (count - 5000) ** 2 / 5000, 0);
    expect(chiSquare).toBeLessThan(43.8); // 99.9 % quantile, 19 degrees of freedom
    const faces = new Set(draws(1000, () => random.integer(1, 6)));
    expect([...faces].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('draws the moments of its distributions', () => {
    const random = new Random(2);
    const n = 50_000;
    const normal = draws(n, () => random.normal(3, 2));
    expect(mean(normal)).toBeCloseTo(3, 1);
    expect(Math.sqrt(variance(normal))).toBeCloseTo(2, 1);
    const lognormal = draws(n, () => random.lognormal(0, 0.5));
    expect(mean(lognormal)).toBeCloseTo(Math.exp(0.125), 1);
    for (const shape of [0.5, 2, 9]) {
      const values = draws(n, () => random.gamma(shape, 1.5));
      expect(mean(values) / (shape * 1.5)).toBeCloseTo(1, 1);
      expect(variance(values) / (shape * 2.25)).toBeCloseTo(1, 1);
    }
    const weibull = draws(n, () => random.weibull(2, 1));
    expect(mean(weibull)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 1);
    for (const lambda of [0.7, 4, 45, 300]) {
      const values = draws(n, () => random.poisson(lambda));
      expect(values.every(Number.isInteger)).toBe(true);
      expect(mean(values) / lambda).toBeCloseTo(1, 1);
      expect(variance(values) / lambda).toBeCloseTo(1, 1);
    }
  });

  it('computes log Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 10);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 9);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 9);
  });

  it('chooses, weighs and shuffles', () => {
    const random = new Random(3);
    const shuffled = random.shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => random.choice([])).toThrow(RangeError);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const index = random.weightedIndex([1, 0, 3]);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / 30_000).toBeCloseTo(0.75, 1);
    const table = new WeightedTable(['a', 'b', 'c'], [2, 6, 0]);
    const letters = draws(30_000, () => (table.draw(random) === 'b' ? 1 : 0));
    expect(mean(letters)).toBeCloseTo(0.75, 1);
    expect(() => new WeightedTable(['a'], [0])).toThrow(RangeError);
  });
});
