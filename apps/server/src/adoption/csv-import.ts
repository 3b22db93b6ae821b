import { adoptionAreas, isCalendarDay } from './adoption-areas.js';

// Counts reported by others (app stores, telecom operators) as CSV text:
// `date,province,district,source,installs[,active]`, one line per source, day and area. Every line is
// checked; every problem is reported with its line and column; the import is all or nothing.

export interface ImportProblem {
  /** 1-based line of the text (line 1 is the header). */
  readonly line: number;
  /** The column's name, or null for a problem of the whole line. */
  readonly column: string | null;
  readonly message: string;
}

export interface ImportRow {
  readonly day: string;
  readonly province: string;
  readonly district: string;
  readonly source: string;
  readonly installs: number;
  readonly active: number | null;
}

export const IMPORT_COLUMNS = ['date', 'province', 'district', 'source', 'installs', 'active'] as const;
export const MAX_IMPORT_LINES = 50_000;
const MAX_PROBLEMS = 1_000;
const MAX_COUNT = 200_000_000;
const SOURCE = /^[a-z0-9][a-z0-9._:-]{0,39}$/;
const COUNT = /^\d{1,9}$/;
const EARLIEST = '2020-01-01';

const unquote = (field: string) => {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"').trim()
    : trimmed;
};

const isRealDay = isCalendarDay;

/**
 * Parses and checks the text. `mayImport(province)` says whether the importing user covers the
 * province; `today` (YYYY-MM-DD) bounds the dates. Returns the rows, or every problem found.
 */
export function parseAdoptionCsv(
  text: string,
  today: string,
  mayImport: (province: string) => boolean,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const report = (line: number, column: string | null, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, column, message });
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((h) => unquote(h).toLowerCase());
  const withActive = header.length === 6;
  const expected = IMPORT_COLUMNS.slice(0, withActive ? 6 : 5);
  if (header.length < 5 || header.length > 6 || expected.some((c, i) => header[i] !== c)) {
    report(
      1,
      null,
      `The header must be "date,province,district,source,installs" with an optional ",active"; found "${(lines[0] ?? '').slice(0, 80)}".`,
    );
    return { rows: [], problems };
  }
  if (lines.length < 2) report(1, null, 'There is no line of counts after the header.');
  if (lines.length > MAX_IMPORT_LINES + 1)
    report(MAX_IMPORT_LINES + 2, null, `At most ${MAX_IMPORT_LINES} lines of counts per import.`);

  const set = adoptionAreas();
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (let index = 1; index < Math.min(lines.length, MAX_IMPORT_LINES + 1); index++) {
    const line = index + 1;
    const raw = lines[index] ?? '';
    if (raw.trim() === '') {
      report(line, null, 'The line is empty.');
      continue;
    }
    const fields = raw.split(',').map(unquote);
    if (fields.length !== expected.length) {
      report(line, null, `Expected ${expected.length} values separated by commas, found ${fields.length}.`);
      continue;
    }
    const [date = '', provinceCode = '', district = '', source = '', installs = '', active = ''] = fields;
    const before = problems.length;
    if (!isRealDay(date)) report(line, 'date', `"${date.slice(0, 20)}" is not a date as YYYY-MM-DD.`);
    else if (date > today) report(line, 'date', `${date} is in the future.`);
    else if (date < EARLIEST) report(line, 'date', `${date} is before ${EARLIEST}.`);
    const province = set.provinces.find((p) => p.code === provinceCode);
    if (!province)
      report(
        line,
        'province',
        `"${provinceCode.slice(0, 20)}" is not a province code of /v1/areas (e.g. VN-20).`,
      );
    else if (!mayImport(province.code))
      report(line, 'province', `Your account does not cover ${province.code} (${province.en}).`);
    else if (district !== '' && !province.districts.some((d) => d.code === district))
      report(
        line,
        'district',
        `"${district.slice(0, 20)}" is not a district (GSO code) of ${province.code}.`,
      );
    if (!SOURCE.test(source))
      report(
        line,
        'source',
        'The source must be 1-40 lowercase letters, digits or . _ : - (e.g. google-play, viettel).',
      );
    if (!COUNT.test(installs) || Number(installs) > MAX_COUNT)
      report(line, 'installs', `"${installs.slice(0, 20)}" is not a whole number from 0 to ${MAX_COUNT}.`);
    if (withActive && active !== '' && (!COUNT.test(active) || Number(active) > MAX_COUNT))
      report(
        line,
        'active',
        `"${active.slice(0, 20)}" is not a whole number from 0 to ${MAX_COUNT}, or empty.`,
      );
    if (problems.length > before) continue;
    const key = `${source}|${date}|${provinceCode}|${district}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(line, null, `Same source, date and area as line ${first}.`);
      continue;
    }
    seen.set(key, line);
    rows.push({
      day: date,
      province: provinceCode,
      district,
      source,
      installs: Number(installs),
      active: withActive && active !== '' ? Number(active) : null,
    });
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
}
