import { ProtocolError } from '../errors.js';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** ENIntervalNumber: floor(unixSeconds / 600), an unsigned 32-bit integer. */
export type IntervalNumber = Brand<number, 'IntervalNumber'>;
/** Seconds since 1970-01-01T00:00Z. */
export type UnixSeconds = Brand<number, 'UnixSeconds'>;
/** Days since 1970-01-01 (UTC). */
export type UtcDay = Brand<number, 'UtcDay'>;

export const INTERVAL_SECONDS = 600;
/** Intervals in a rolling period: 144 × 10 min = 24 h. */
export const ROLLING_PERIOD = 144;
/** A phone keeps its own keys and what it heard for 14 days. */
export const RETENTION_DAYS = 14;
/** A sighting counts for interval j if heard within j − 12 … j + 12 (±2 h). */
export const CLOCK_TOLERANCE_INTERVALS = 12;

const MAX_UINT32 = 0xffffffff;

export function unixSeconds(value: number): UnixSeconds {
  if (!Number.isFinite(value)) throw new ProtocolError('invalid_time', `not a time: ${value}`);
  return value as UnixSeconds;
}

/** Checks that `value` is a valid interval number (an unsigned 32-bit integer). */
export function intervalNumber(value: number): IntervalNumber {
  if (!Number.isInteger(value) || value < 0 || value > MAX_UINT32) {
    throw new ProtocolError('invalid_interval', `not an interval number (uint32): ${value}`);
  }
  return value as IntervalNumber;
}

export function intervalOf(seconds: UnixSeconds): IntervalNumber {
  return intervalNumber(Math.floor(seconds / INTERVAL_SECONDS));
}

export function intervalOfDate(date: Date): IntervalNumber {
  return intervalOf(unixSeconds(Math.floor(date.getTime() / 1000)));
}

export function intervalStartSeconds(interval: IntervalNumber): UnixSeconds {
  return (interval * INTERVAL_SECONDS) as UnixSeconds;
}

/** The rolling start (UTC midnight) of the period containing `interval`. */
export function rollingStartOf(interval: IntervalNumber): IntervalNumber {
  return (ROLLING_PERIOD * Math.floor(interval / ROLLING_PERIOD)) as IntervalNumber;
}

export function utcDayOfInterval(interval: IntervalNumber): UtcDay {
  return Math.floor(interval / ROLLING_PERIOD) as UtcDay;
}

export function utcDayOfSeconds(seconds: UnixSeconds): UtcDay {
  return Math.floor(seconds / 86_400) as UtcDay;
}

export function firstIntervalOfDay(day: UtcDay): IntervalNumber {
  return (day * ROLLING_PERIOD) as IntervalNumber;
}

/** ISO date (YYYY-MM-DD) of a UTC day. */
export function isoDateOfDay(day: UtcDay): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addIntervals(interval: IntervalNumber, count: number): IntervalNumber {
  return intervalNumber(interval + count);
}
