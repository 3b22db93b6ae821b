import type { Random } from '@bluezone/epidemic';

/** How phones scan (GAEN on Android: a scan of about 4 s every 3.5–5 minutes). */
export interface ScanningOptions {
  /** Length of one scan (s). */
  readonly scanSeconds: number;
  /** Shortest and longest pause from one scan's start to the next (s). */
  readonly minIntervalSeconds: number;
  readonly maxIntervalSeconds: number;
}

/** Android's reference cadence: about 4 s every 210–300 s. */
export const DEFAULT_SCANNING: ScanningOptions = Object.freeze({
  scanSeconds: 4,
  minIntervalSeconds: 210,
  maxIntervalSeconds: 300,
});

const BUCKETS = 16;

/**
 * When each phone scans. Every phone starts at a random phase in its first interval, then waits a
 * uniformly drawn interval after each scan. Advance minute by minute with `scansIn(minute)`, which
 * returns the phones scanning in that minute and writes their scan's start second (within the
 * minute) into `startSecond`; other entries are NaN. A scan that would run past the minute's end is
 * moved back to end with it, so that a scan never spans two minutes.
 */
export class ScanSchedule {
  /** Start second of the scan in the current minute, per person (NaN: not scanning). */
  readonly startSecond: Float32Array;
  private readonly next: Float64Array;
  private readonly buckets: number[][] = Array.from({ length: BUCKETS }, () => []);
  private scanning: number[] = [];
  private minute = -1;

  /** `phones`: the people whose phones scan (e.g. those with the app), `people`: population size. */
  constructor(
    people: number,
    phones: readonly number[],
    private readonly random: Random,
    private readonly options: ScanningOptions = DEFAULT_SCANNING,
  ) {
    this.startSecond = new Float32Array(people).fill(Number.NaN);
    this.next = new Float64Array(people);
    for (const phone of phones) this.schedule(phone, random.next() * options.maxIntervalSeconds);
  }

  /** The phones scanning in absolute minute `minute` (call with increasing minutes, from 0). */
  scansIn(minute: number): readonly number[] {
    if (minute <= this.minute) throw new RangeError('ScanSchedule advances forwards only');
    for (const phone of this.scanning) this.startSecond[phone] = Number.NaN;
    this.scanning = [];
    for (let m = this.minute + 1; m <= minute; m++) {
      const bucket = this.buckets[m % BUCKETS] ?? [];
      this.buckets[m % BUCKETS] = [];
      for (const phone of bucket) {
        const at = this.next[phone] ?? 0;
        if (m === minute) {
          this.startSecond[phone] = Math.min(at - minute * 60, 60 - this.options.scanSeconds);
          this.scanning.push(phone);
        }
        const { minIntervalSeconds: low, maxIntervalSeconds: high } = this.options;
        this.schedule(phone, at + low + this.random.next() * (high - low));
      }
    }
    this.minute = minute;
    return this.scanning;
  }

  private schedule(phone: number, second: number): void {
    this.next[phone] = second;
    this.buckets[Math.floor(second / 60) % BUCKETS]?.push(phone);
  }
}
