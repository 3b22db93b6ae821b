import type { VenueUpdate } from '@bluezone/api';
import type { ImportProblem } from '../adoption/csv-import.js';
import { isAppError } from '../errors/app-error.js';
import type { NewVenue } from './venue.repository.js';
import { newVenue, type VenueOwner } from './venue-input.js';

// CSV import of venues: `name,address,type,check_in_minutes,start,end,district`, one venue a line,
// RFC 4180 quoting (names and addresses hold commas). Every line is checked as a console request is;
// every problem is reported with its line and column; the import is all or nothing.

export const VENUE_CSV_COLUMNS = [
  'name',
  'address',
  'type',
  'check_in_minutes',
  'start',
  'end',
  'district',
] as const;
export const MAX_VENUE_LINES = 5_000;
const MAX_PROBLEMS = 1_000;

/** The fields of one CSV line (RFC 4180: `"` quotes, `""` inside quotes); null when a quote is open. */
export function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

/** Which column a refusal of a line is about. */
function columnOf(code: string, message: string): string | null {
  if (code === 'unknown_district') return 'district';
  if (code === 'invalid_venue' || code === 'checkin_invalid_times')
    return /start/i.test(message) && !/end/i.test(message) ? 'start' : 'end';
  if (/address/.test(message)) return 'address';
  if (/description|name/.test(message)) return 'name';
  return null;
}

/** Parses and checks the text; returns the venues to insert, or every problem found. */
export function parseVenueCsv(
  text: string,
  owner: VenueOwner,
  now: Date,
): { venues: NewVenue[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const report = (line: number, column: string | null, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, column, message });
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const header = csvFields(lines[0] ?? '')?.map((h) => h.toLowerCase()) ?? [];
  if (header.length !== VENUE_CSV_COLUMNS.length || VENUE_CSV_COLUMNS.some((c, i) => header[i] !== c)) {
    report(
      1,
      null,
      `The header must be "${VENUE_CSV_COLUMNS.join(',')}"; found "${(lines[0] ?? '').slice(0, 80)}".`,
    );
    return { venues: [], problems };
  }
  if (lines.length < 2) report(1, null, 'There is no venue after the header.');
  if (lines.length > MAX_VENUE_LINES + 1)
    report(MAX_VENUE_LINES + 2, null, `At most ${MAX_VENUE_LINES} venues per import.`);
  const venues: NewVenue[] = [];
  for (let index = 1; index < Math.min(lines.length, MAX_VENUE_LINES + 1); index++) {
    const line = index + 1;
    const fields = csvFields(lines[index] ?? '');
    if (fields === null) {
      report(line, null, 'A quote is not closed (a field with a line break is not accepted).');
      continue;
    }
    if (fields.length !== VENUE_CSV_COLUMNS.length) {
      report(line, null, `The line has ${fields.length} fields, not ${VENUE_CSV_COLUMNS.length}.`);
      continue;
    }
    const [name = '', address = '', type = '', minutes = '', start = '', end = '', district = ''] = fields;
    let bad = false;
    const integer = (value: string, column: string, min: number, max: number) => {
      const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
      if (!(n >= min && n <= max)) {
        report(
          line,
          column,
          `${JSON.stringify(value.slice(0, 20))} is not a whole number from ${min} to ${max}.`,
        );
        bad = true;
      }
      return n;
    };
    const locationType = integer(type, 'type', 1, 12);
    const defaultCheckInLengthInMinutes = integer(minutes, 'check_in_minutes', 1, 1440);
    for (const [column, value] of [
      ['name', name],
      ['address', address],
    ] as const)
      if (value === '' || value.length > 100) {
        report(line, column, `The ${column} needs 1 to 100 characters.`);
        bad = true;
      }
    if (bad) continue;
    const body: VenueUpdate = {
      name,
      address,
      locationType,
      defaultCheckInLengthInMinutes,
      ...(start ? { startsAt: start } : {}),
      ...(end ? { endsAt: end } : {}),
      ...(district ? { district } : {}),
    };
    try {
      venues.push(newVenue(owner, body, now));
    } catch (error) {
      if (!isAppError(error)) throw error;
      report(line, columnOf(error.code, error.message), error.message);
    }
  }
  return { venues, problems };
}
