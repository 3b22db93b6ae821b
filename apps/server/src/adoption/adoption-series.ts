import { addDays, daysBetween } from './adoption-areas.js';
import type { AdoptionReadRepository } from './adoption-read.repository.js';
import { suppressSeries } from './suppression.js';

/** At most this many days in a series (two years). */
export const MAX_SERIES_DAYS = 731;

/**
 * App-reported installs per UTC day of one province (or the country), every day from the first
 * report to today, zeros included; `points` suppressed by deferral, `raw` for internal use only.
 */
export async function dailySeries(
  reads: AdoptionReadRepository,
  province: string | undefined,
  today: string,
) {
  const rows = await reads.countsBy('day', { province, to: today });
  const byDay = new Map(rows.map((r) => [r.key, r.installs]));
  const first = [...byDay.keys()].sort()[0];
  const earliest = addDays(today, -(MAX_SERIES_DAYS - 1));
  // The later of the first reported day and the earliest day of the window (YYYY-MM-DD sort as text).
  const start = first === undefined ? today : ([first, earliest].sort()[1] ?? first);
  // Days before the window are added to its first day, so cumulative values stay true totals.
  let earlier = 0;
  for (const [day, installs] of byDay) if (day < start) earlier += installs;
  const raw: { day: string; value: number }[] = [];
  for (let i = 0; i <= daysBetween(start, today); i++) {
    const day = addDays(start, i);
    raw.push({ day, value: (byDay.get(day) ?? 0) + (i === 0 ? earlier : 0) });
  }
  return { raw, points: suppressSeries(raw) };
}
