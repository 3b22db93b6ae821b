import { AppError } from '../errors/app-error.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a real calendar date (UTC midnight); undefined when malformed. */
export function parseIsoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? date : undefined;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Validates a symptom or test date against the case worker's local today (`tzOffset` minutes east of
 * UTC): not in the future, not older than `maxAgeMs`. Returns the date text or throws `invalid_date`.
 */
export function checkDate(
  name: string,
  text: string | undefined,
  now: Date,
  tzOffsetMinutes: number,
  maxAgeMs: number,
): string | null {
  if (text === undefined || text === '') return null;
  const date = parseIsoDate(text);
  if (!date) throw new AppError('invalid_date', `${name} must be a calendar date written YYYY-MM-DD.`);
  const localToday = Date.parse(isoDay(new Date(now.getTime() + tzOffsetMinutes * 60_000)));
  if (date.getTime() > localToday) throw new AppError('invalid_date', `${name} is in the future.`);
  const oldestDays = Math.floor(maxAgeMs / DAY_MS);
  if (date.getTime() < localToday - oldestDays * DAY_MS)
    throw new AppError('invalid_date', `${name} is more than ${oldestDays} days ago.`);
  return text;
}
