import { RETENTION_DAYS, type UtcDay } from '@bluezone/protocol';

/**
 * The first UTC day still kept on `today`: a phone keeps 14 days (today and the 13 before it); data
 * of any earlier day is deleted on every run, whatever kind it is.
 */
export function firstRetainedDay(today: UtcDay): UtcDay {
  return (today - (RETENTION_DAYS - 1)) as UtcDay;
}

/** Store key of a day's record under `prefix`, zero-padded so listing sorts by day. */
export function dayKey(prefix: string, day: number): string {
  return `${prefix}${String(day).padStart(8, '0')}`;
}

/** The day of a store key made by `dayKey`. */
export function dayOfKey(prefix: string, key: string): UtcDay {
  return Number(key.slice(prefix.length)) as UtcDay;
}
