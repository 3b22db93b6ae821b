import type { ContactBatch } from './contact-batch.js';
import { PairMinutes } from './pair-minutes.js';

/** A pair of people who were close for long enough on a day (a < b). */
export interface CloseContact {
  readonly a: number;
  readonly b: number;
  readonly minutes: number;
}

/**
 * The ground truth of the report: per day, the pairs who spent at least `minMinutes` (15) within
 * `withinM` (2 m) of each other, summed over the day. Feed it every step of a day with `add`, then
 * read `contacts()` and `clear()` before the next day. Memory grows with the day's distinct close
 * pairs, not with the steps.
 */
export class CloseContactCounter {
  private readonly minutesByPair = new PairMinutes();

  constructor(
    private readonly withinM = 2,
    private readonly minMinutes = 15,
  ) {}

  /** Counts the minutes of one step's pairs that are within range. */
  add(batch: ContactBatch): void {
    for (let i = 0; i < batch.count; i++) {
      if ((batch.distanceM[i] ?? Infinity) > this.withinM) continue;
      this.minutesByPair.add(batch.a[i] ?? 0, batch.b[i] ?? 0, batch.minutes);
    }
  }

  /** The pairs that reached the threshold so far, ordered by (a, b). */
  contacts(): CloseContact[] {
    const found: CloseContact[] = [];
    this.minutesByPair.forEach((a, b, minutes) => {
      if (minutes >= this.minMinutes) found.push({ a, b, minutes });
    });
    return found.sort((p, q) => p.a - q.a || p.b - q.b);
  }

  /** Forgets the day. */
  clear(): void {
    this.minutesByPair.clear();
  }
}
