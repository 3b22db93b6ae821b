import type { Random } from './random.js';

/**
 * Weighted choice among many items in O(log n) per draw: cumulative weights and binary search. Used
 * for phone models (11,809 rows of the calibration table) and other long categorical tables.
 */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  /** Items (exposed as `items`) and their non-negative weights (same length, total > 0). */
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) {
      throw new RangeError('WeightedTable needs as many weights as items, and at least one');
    }
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const weight = weights[i] ?? 0;
      if (!(weight >= 0)) throw new RangeError(`weight ${i} is not a non-negative number`);
      sum += weight;
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new RangeError('WeightedTable weights sum to zero');
    this.total = sum;
  }

  /** Draws one item. */
  draw(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}
