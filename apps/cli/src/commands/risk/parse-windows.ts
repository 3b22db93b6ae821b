// Reads GAEN v2 exposure windows from untrusted JSON, naming the first problem by its path.

import type {
  CalibrationConfidence,
  ExposureWindow,
  Infectiousness,
  ReportType,
  ScanInstance,
  UtcDay,
} from '@bluezone/protocol';
import { ReportType as ReportTypes } from '@bluezone/protocol';
import { CliError } from '../../cli-error.js';

const INFECTIOUSNESS: readonly Infectiousness[] = ['none', 'standard', 'high'];
const CONFIDENCE = ['LOWEST', 'LOW', 'MEDIUM', 'HIGH'];
const WINDOW_FIELDS = ['ageInDays', 'reportType', 'infectiousness', 'calibrationConfidence', 'scanInstances'];
const SCAN_FIELDS = ['minAttenuationDb', 'typicalAttenuationDb', 'secondsSinceLastScan'];

function fail(source: string, path: string, message: string): never {
  throw new CliError(`${source}: ${path} ${message}`);
}

function record(
  source: string,
  path: string,
  value: unknown,
  fields: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(source, path, 'must be an object');
  const o = value as Record<string, unknown>;
  for (const f of fields) if (o[f] === undefined) fail(source, `${path}.${f}`, 'is required');
  const unknown = Object.keys(o).find((k) => !fields.includes(k));
  if (unknown !== undefined)
    fail(source, `${path}.${unknown}`, `is not a known field (known: ${fields.join(', ')})`);
  return o;
}

function integer(source: string, path: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(source, path, `must be an integer in ${min}…${max}, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** A GAEN report type by name ("CONFIRMED_TEST") or number (0…5). */
function reportType(source: string, path: string, value: unknown): ReportType {
  if (typeof value === 'string' && Object.hasOwn(ReportTypes, value))
    return ReportTypes[value as keyof typeof ReportTypes];
  if (typeof value === 'number') return integer(source, path, value, 0, 5) as ReportType;
  return fail(
    source,
    path,
    `must be a GAEN report type (${Object.keys(ReportTypes).join(', ')} or 0…5), not ${JSON.stringify(value)}`,
  );
}

/** Infectiousness by name ("none", "standard", "high", any case) or number (0…2). */
function infectiousness(source: string, path: string, value: unknown): Infectiousness {
  if (typeof value === 'string' && INFECTIOUSNESS.includes(value.toLowerCase() as Infectiousness)) {
    return value.toLowerCase() as Infectiousness;
  }
  if (typeof value === 'number') return INFECTIOUSNESS[integer(source, path, value, 0, 2)] as Infectiousness;
  return fail(source, path, `must be "none", "standard", "high" or 0…2, not ${JSON.stringify(value)}`);
}

function confidence(source: string, path: string, value: unknown): CalibrationConfidence {
  if (typeof value === 'string' && CONFIDENCE.includes(value))
    return CONFIDENCE.indexOf(value) as CalibrationConfidence;
  return integer(source, path, value, 0, 3) as CalibrationConfidence;
}

/** A scan instance, or undefined for one with a negative `secondsSinceLastScan` (a clock moved back). */
function scanInstance(source: string, path: string, value: unknown): ScanInstance | undefined {
  const o = record(source, path, value, SCAN_FIELDS);
  const minAttenuationDb = integer(source, `${path}.minAttenuationDb`, o.minAttenuationDb, 0, 255);
  const typicalAttenuationDb = integer(
    source,
    `${path}.typicalAttenuationDb`,
    o.typicalAttenuationDb,
    0,
    255,
  );
  const seconds = o.secondsSinceLastScan;
  if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds < 0) return undefined;
  const secondsSinceLastScan = integer(source, `${path}.secondsSinceLastScan`, seconds, 0, 86_400);
  return { minAttenuationDb, typicalAttenuationDb, secondsSinceLastScan };
}

/** The windows to score, and how many odd values were ignored rather than refused. */
export interface ParsedWindows {
  readonly windows: ExposureWindow[];
  /** Scan instances with a negative `secondsSinceLastScan`, left out as Corona-Warn-App does. */
  readonly ignoredScanInstances: number;
}

/**
 * Parses `[{ageInDays, reportType, infectiousness, calibrationConfidence, scanInstances}]` (or
 * `{exposureWindows: [...]}`). A malformed input (a wrong type, a missing or unknown field, a value
 * outside its range) is refused with its path; a scan instance whose `secondsSinceLastScan` is
 * negative, which a phone whose clock moved back reports, is ignored and counted, and the rest scored.
 */
export function parseExposureWindows(json: unknown, today: UtcDay, source: string): ParsedWindows {
  const list = Array.isArray(json) ? json : (json as { exposureWindows?: unknown } | null)?.exposureWindows;
  if (!Array.isArray(list))
    fail(source, 'windows', 'must be an array of exposure windows (or {"exposureWindows": [...]})');
  let ignoredScanInstances = 0;
  const windows = list.map((value, i): ExposureWindow => {
    const path = `[${i}]`;
    const o = record(source, path, value, WINDOW_FIELDS);
    const scans = o.scanInstances;
    if (!Array.isArray(scans)) fail(source, `${path}.scanInstances`, 'must be an array');
    const scanInstances: ScanInstance[] = [];
    scans.forEach((s, j) => {
      const scan = scanInstance(source, `${path}.scanInstances[${j}]`, s);
      if (scan === undefined) ignoredScanInstances += 1;
      else scanInstances.push(scan);
    });
    return {
      day: (today - integer(source, `${path}.ageInDays`, o.ageInDays, 0, 365)) as UtcDay,
      reportType: reportType(source, `${path}.reportType`, o.reportType),
      infectiousness: infectiousness(source, `${path}.infectiousness`, o.infectiousness),
      calibrationConfidence: confidence(source, `${path}.calibrationConfidence`, o.calibrationConfidence),
      scanInstances,
    };
  });
  return { windows, ignoredScanInstances };
}
