// The sightings CSV of `bluezone eval proximity`: one advertisement heard per row, with a header line
// naming the columns (any order, extra columns ignored):
//   receiver, receiver_model, transmitter, transmitter_model, timestamp (unix seconds), rssi, tx_power
// Fields are comma-separated, optionally in double quotes ("" inside quotes is a quote); no field
// spans lines; blank lines are skipped. Every problem names the file, the row (data rows count from
// 1 after the header) with its line number, and the column.

import { CliError } from '../../cli-error.js';

export const SIGHTING_COLUMNS = [
  'receiver',
  'receiver_model',
  'transmitter',
  'transmitter_model',
  'timestamp',
  'rssi',
  'tx_power',
] as const;
export type SightingColumn = (typeof SIGHTING_COLUMNS)[number];

/** Index of each required column in a row, and how many fields a row has. */
export interface SightingsHeader {
  readonly columns: Readonly<Record<SightingColumn, number>>;
  readonly fieldCount: number;
}

/** One parsed row: the receiver heard the transmitter at `seconds` with `rssi` dBm. */
export interface SightingRow {
  readonly receiver: string;
  readonly receiverModel: string;
  readonly transmitter: string;
  readonly transmitterModel: string;
  readonly seconds: number;
  readonly rssi: number;
  readonly txPower: number;
}

/** Splits one CSV line; undefined when a quoted field is not closed or text follows its closing quote. */
export function splitCsvLine(line: string): string[] | undefined {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return undefined;
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      if (i < line.length && line[i] !== ',') return undefined;
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    i += 1; // the comma
  }
}

/** Reads the header line: every required column must be there (names trimmed, any case). */
export function parseSightingsHeader(line: string, file: string): SightingsHeader {
  const names = splitCsvLine(line.replace(/^\uFEFF/, ''));
  if (names === undefined) throw new CliError(`${file}: the header line is not valid CSV`);
  const normalized = names.map((n) => n.trim().toLowerCase());
  const missing = SIGHTING_COLUMNS.filter((c) => !normalized.includes(c));
  if (missing.length > 0) {
    throw new CliError(
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header needs ${SIGHTING_COLUMNS.join(', ')})`,
    );
  }
  const columns = Object.fromEntries(SIGHTING_COLUMNS.map((c) => [c, normalized.indexOf(c)]));
  return { columns: columns as Record<SightingColumn, number>, fieldCount: names.length };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const LIMITS: Readonly<Record<'timestamp' | 'rssi' | 'tx_power', readonly [number, number, string]>> = {
  timestamp: [0, 2 ** 32 * 600, 'unix seconds'],
  rssi: [-200, 50, 'dBm'],
  tx_power: [-128, 127, 'dBm'],
};

/** Parses data row `row` (1-based, blank lines not counted), which is line `lineNumber` of the file. */
export function parseSightingRow(
  line: string,
  header: SightingsHeader,
  row: number,
  lineNumber: number,
  file: string,
): SightingRow {
  const fields = splitCsvLine(line);
  if (fields === undefined) throw rowError(file, row, lineNumber, 'is not valid CSV (unbalanced quotes)');
  if (fields.length !== header.fieldCount) {
    throw rowError(file, row, lineNumber, `has ${fields.length} fields, the header has ${header.fieldCount}`);
  }
  const { columns } = header;
  return {
    receiver: idField(fields, columns, 'receiver', file, row, lineNumber),
    receiverModel: (fields[columns.receiver_model] as string).trim(),
    transmitter: idField(fields, columns, 'transmitter', file, row, lineNumber),
    transmitterModel: (fields[columns.transmitter_model] as string).trim(),
    seconds: numberField(fields, columns, 'timestamp', file, row, lineNumber),
    rssi: numberField(fields, columns, 'rssi', file, row, lineNumber),
    txPower: numberField(fields, columns, 'tx_power', file, row, lineNumber),
  };
}

// Module-level helpers rather than closures: this runs once per row of files of millions of rows.

function rowError(file: string, row: number, lineNumber: number, problem: string): CliError {
  return new CliError(
    `${file}: row ${row} (line ${lineNumber})${problem.startsWith(',') ? '' : ' '}${problem}`,
  );
}

function idField(
  fields: readonly string[],
  columns: SightingsHeader['columns'],
  column: 'receiver' | 'transmitter',
  file: string,
  row: number,
  lineNumber: number,
): string {
  const value = (fields[columns[column]] as string).trim();
  if (value === '') throw rowError(file, row, lineNumber, `, column ${column}: empty`);
  return value;
}

function numberField(
  fields: readonly string[],
  columns: SightingsHeader['columns'],
  column: 'timestamp' | 'rssi' | 'tx_power',
  file: string,
  row: number,
  lineNumber: number,
): number {
  const value = (fields[columns[column]] as string).trim();
  const n = Number(value);
  const [min, max, unit] = LIMITS[column];
  // Number('') is 0 and Number('0x10') 16: only plain decimals pass.
  if (!(n >= min && n <= max) || !NUMBER.test(value)) {
    const problem = `, column ${column}: "${value.slice(0, 40)}" is not a number in ${min}…${max} (${unit})`;
    throw rowError(file, row, lineNumber, problem);
  }
  return n;
}
