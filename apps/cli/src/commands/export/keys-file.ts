import { type DiagnosisKey, type IntervalNumber, ReportType, type ReportTypeName } from '@bluezone/protocol';
import { CliError } from '../../cli-error.js';
import { base64Option } from '../../options.js';

/** One key as the publish API (and spec/gaen-export-example.json) writes it. */
interface KeyJson {
  key?: unknown;
  rollingStartNumber?: unknown;
  rollingPeriod?: unknown;
  transmissionRisk?: unknown;
  reportType?: unknown;
  daysSinceOnsetOfSymptoms?: unknown;
}

const INT32_MAX = 0x7fffffff;

/**
 * The keys of a keys file: `{"temporaryExposureKeys": [...]}` or a bare array. `reportType` may be a
 * name ("CONFIRMED_TEST") or its number; absent means UNKNOWN. Every field is checked, naming the key.
 */
export function keysFromJson(json: unknown, file: string): DiagnosisKey[] {
  const list = Array.isArray(json)
    ? json
    : (json as { temporaryExposureKeys?: unknown } | null)?.temporaryExposureKeys;
  if (!Array.isArray(list)) {
    throw new CliError(`${file}: expected {"temporaryExposureKeys": [...]} or an array of keys`);
  }
  return list.map((k: KeyJson | null, i) => keyFromJson(k ?? {}, `${file}: key ${i}`));
}

function keyFromJson(k: KeyJson, where: string): DiagnosisKey {
  const int = (name: keyof KeyJson, min: number, max: number, fallback?: number): number => {
    const value = k[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new CliError(
        `${where}: "${name}" must be an integer from ${min} to ${max}, not ${JSON.stringify(value ?? null)}`,
      );
    }
    return value;
  };
  if (typeof k.key !== 'string') throw new CliError(`${where}: "key" must be a base64 string`);
  const keyData = base64Option(k.key, `${where}: "key"`);
  if (keyData.length !== 16) throw new CliError(`${where}: "key" must be 16 bytes, not ${keyData.length}`);
  return {
    keyData,
    rollingStartIntervalNumber: int('rollingStartNumber', 0, INT32_MAX) as IntervalNumber,
    rollingPeriod: int('rollingPeriod', 1, 144, 144),
    transmissionRiskLevel: int('transmissionRisk', 0, 8, 0),
    reportType: reportTypeFromJson(k.reportType, where),
    ...(k.daysSinceOnsetOfSymptoms !== undefined && {
      daysSinceOnsetOfSymptoms: int('daysSinceOnsetOfSymptoms', -INT32_MAX - 1, INT32_MAX),
    }),
  };
}

function reportTypeFromJson(value: unknown, where: string): ReportType {
  if (value === undefined || value === null) return ReportType.UNKNOWN;
  const names = Object.keys(ReportType) as ReportTypeName[];
  if (typeof value === 'string' && names.includes(value as ReportTypeName))
    return ReportType[value as ReportTypeName];
  if (typeof value === 'number' && (Object.values(ReportType) as number[]).includes(value))
    return value as ReportType;
  throw new CliError(
    `${where}: "reportType" must be one of ${names.join(', ')} or 0…5, not ${JSON.stringify(value)}`,
  );
}
