import type { TraceTimeIntervalWarning } from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';

// A case worker's warning of a venue: a day and a window in Vietnam time (UTC+7), e.g. a market from
// 07:00 to 11:00, as trace warnings over every 10-minute interval it touches, split at UTC midnight
// (a warning covers at most one UTC day, 144 intervals), as the phones' uploads are.

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const INTERVAL_MS = 600_000;
const DAY_INTERVALS = 144;
/** How far back a case worker may warn: the packages' retention. */
export const MAX_VENUE_WARNING_AGE_DAYS = 14;

const refuse = (message: string) => new AppError('invalid_venue_warning', message);

function minutesOf(text: string, name: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(minutes >= 0 && minutes <= 24 * 60))
    throw refuse(`"${text.slice(0, 8)}" is not a time HH:MM (00:00-24:00) for ${name}.`);
  return minutes;
}

/** The window [start, end) in UTC ms of a Vietnam-time day and HH:MM-HH:MM, checked against `now`. */
export function venueWarningWindow(
  input: { date: string; from: string; to: string },
  now: Date,
): { start: number; end: number } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? Date.parse(`${input.date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== input.date)
    throw refuse(`"${input.date.slice(0, 12)}" is not a day YYYY-MM-DD.`);
  const start = day + minutesOf(input.from, 'from') * 60_000 - VIETNAM_OFFSET_MS;
  const end = day + minutesOf(input.to, 'to') * 60_000 - VIETNAM_OFFSET_MS;
  if (end <= start) throw refuse('The window ends before it starts.');
  if (start > now.getTime()) throw refuse('The window starts in the future.');
  if (start < now.getTime() - MAX_VENUE_WARNING_AGE_DAYS * 86_400_000)
    throw refuse(`The window is more than ${MAX_VENUE_WARNING_AGE_DAYS} days ago.`);
  return { start, end };
}

/** The warnings of a window: one per UTC day it touches, every 10-minute interval it touches. */
export function windowWarnings(
  locationIdHash: Uint8Array,
  window: { start: number; end: number },
  transmissionRiskLevel: number,
): TraceTimeIntervalWarning[] {
  const warnings: TraceTimeIntervalWarning[] = [];
  const last = Math.ceil(window.end / INTERVAL_MS);
  for (let first = Math.floor(window.start / INTERVAL_MS); first < last; ) {
    const dayEnd = (Math.floor(first / DAY_INTERVALS) + 1) * DAY_INTERVALS;
    const end = Math.min(last, dayEnd);
    warnings.push({ locationIdHash, startIntervalNumber: first, period: end - first, transmissionRiskLevel });
    first = end;
  }
  return warnings;
}
