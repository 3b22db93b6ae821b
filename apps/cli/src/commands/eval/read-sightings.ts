// Streams a sightings CSV into a SightingLog, line by line: the file is never held whole in memory.

import { createReadStream, type Stats, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CliError } from '../../cli-error.js';
import { SightingLog } from './sighting-log.js';
import { parseSightingRow, parseSightingsHeader, type SightingsHeader } from './sightings-csv.js';

/** Reads every row of `path`; any problem is a one-line CliError (exit 2) naming the file and row. */
export async function readSightings(path: string): Promise<SightingLog> {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw cannotRead(path, error);
  }
  if (!stats.isFile()) throw new CliError(`cannot read ${path}: not a file`);
  const log = new SightingLog();
  const input = createReadStream(path, { encoding: 'utf8' });
  let header: SightingsHeader | undefined;
  let lineNumber = 0;
  let row = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber += 1;
      const where = header === undefined ? 'the header line' : `row ${row + 1} (line ${lineNumber})`;
      // A NUL byte or invalid UTF-8 (decoded as U+FFFD) means a binary file, not a CSV.
      if (line.includes('\0') || line.includes('\uFFFD')) {
        throw new CliError(`${path}: not a UTF-8 text CSV (binary bytes in ${where})`);
      }
      if (header === undefined) {
        header = parseSightingsHeader(line, path);
      } else if (line.trim() !== '') {
        row += 1;
        log.add(parseSightingRow(line, header, row, lineNumber, path));
      }
    }
  } catch (error) {
    input.destroy();
    throw error instanceof CliError ? error : cannotRead(path, error);
  }
  if (header === undefined)
    throw new CliError(`${path}: not a sightings CSV (the file is empty, no header line)`);
  return log;
}

function cannotRead(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new CliError(`cannot read ${path}: ${code}`, 2, { cause: error });
}
