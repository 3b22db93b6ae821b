// The JSON files of `bluezone checkin match`, checked field by field so a bad one is named precisely.

import {
  fromHex,
  type HashedCheckIn,
  hashCheckIn,
  isProtocolError,
  type TraceTimeIntervalWarning,
} from '@bluezone/protocol';
import { CliError } from '../../cli-error.js';

type Row = Record<string, unknown>;

/** Check-ins: `[{locationId (hex) | locationIdHash (hex), checkInStart, checkInEnd}]`, times in Unix seconds. */
export function checkInsFromJson(json: unknown, file: string): HashedCheckIn[] {
  return rows(json, file, 'check-in').map((row, i) => {
    const where = `${file}: check-in ${i}`;
    const checkInStart = unixSeconds(row.checkInStart, `${where} "checkInStart"`);
    const checkInEnd = unixSeconds(row.checkInEnd, `${where} "checkInEnd"`);
    if (checkInEnd < checkInStart) {
      throw new CliError(`${where}: "checkInEnd" (${checkInEnd}) is before "checkInStart" (${checkInStart})`);
    }
    if (row.locationId === undefined && row.locationIdHash !== undefined) {
      return {
        locationIdHash: hex32(row.locationIdHash, `${where} "locationIdHash"`),
        checkInStart,
        checkInEnd,
      };
    }
    const locationId = hex32(row.locationId, `${where} "locationId"`);
    return hashCheckIn({ locationId, checkInStart, checkInEnd });
  });
}

/**
 * Warnings: `[{locationIdHash (hex), startIntervalNumber, period, transmissionRiskLevel}]`; CWA's early
 * `endIntervalNumber` (exclusive) stands in for `period`, and a missing risk level counts as 1.
 */
export function warningsFromJson(json: unknown, file: string): TraceTimeIntervalWarning[] {
  return rows(json, file, 'warning').map((row, i) => {
    const where = `${file}: warning ${i}`;
    const startIntervalNumber = integer(
      row.startIntervalNumber,
      `${where} "startIntervalNumber"`,
      0,
      0xffffffff,
    );
    const period =
      row.period === undefined && row.endIntervalNumber !== undefined
        ? integer(
            row.endIntervalNumber,
            `${where} "endIntervalNumber"`,
            startIntervalNumber + 1,
            startIntervalNumber + 144,
          ) - startIntervalNumber
        : integer(row.period, `${where} "period"`, 1, 144);
    return {
      locationIdHash: hex32(row.locationIdHash, `${where} "locationIdHash"`),
      startIntervalNumber,
      period,
      transmissionRiskLevel: integer(
        row.transmissionRiskLevel ?? 1,
        `${where} "transmissionRiskLevel"`,
        1,
        8,
      ),
    };
  });
}

function rows(json: unknown, file: string, what: string): Row[] {
  const list = Array.isArray(json) ? json : undefined;
  if (list === undefined) throw new CliError(`${file}: expected a JSON array of ${what}s`);
  list.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new CliError(`${file}: ${what} ${i} is not an object`);
    }
  });
  return list as Row[];
}

function hex32(value: unknown, where: string): Uint8Array {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new CliError(`${where} must be 32 bytes in hex (64 digits), not ${JSON.stringify(value ?? null)}`);
  }
  try {
    return fromHex(value);
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    throw new CliError(`${where}: ${error.message}`, 2, { cause: error });
  }
}

function integer(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new CliError(
      `${where} must be an integer from ${min} to ${max}, not ${JSON.stringify(value ?? null)}`,
    );
  }
  return value;
}

/** Unix seconds, or an ISO 8601 time with its offset ("2021-03-04T09:30:00+01:00"). */
function unixSeconds(value: unknown, where: string): number {
  if (
    typeof value === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)
  ) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms) && ms >= 0) return Math.floor(ms / 1000);
  }
  return integer(value, `${where} (Unix seconds or an ISO 8601 time with offset)`, 0, 2 ** 40);
}
