// Shared vocabulary between export files, matching and risk scoring (types and tiny helpers only).

import type { CalibrationConfidence } from './keys/metadata.js';
import type { TemporaryExposureKey } from './keys/temporary-exposure-key.js';
import type { UnixSeconds, UtcDay } from './time/interval.js';

/** ReportType of export.proto. */
export const ReportType = {
  UNKNOWN: 0,
  CONFIRMED_TEST: 1,
  CONFIRMED_CLINICAL_DIAGNOSIS: 2,
  SELF_REPORT: 3,
  RECURSIVE: 4,
  REVOKED: 5,
} as const;
export type ReportType = (typeof ReportType)[keyof typeof ReportType];
export type ReportTypeName = keyof typeof ReportType;

export function reportTypeName(value: ReportType): ReportTypeName {
  return (Object.keys(ReportType) as ReportTypeName[]).find((k) => ReportType[k] === value) ?? 'UNKNOWN';
}

/** GAEN v2 infectiousness of a window, from the key's days since symptom onset. */
export type Infectiousness = 'none' | 'standard' | 'high';

/** A key published by someone diagnosed (or confirmed as a close contact), as read from an export file. */
export interface DiagnosisKey extends TemporaryExposureKey {
  /** Deprecated in GAEN v2 but still carried (CWA encodes its transmission risk here); 0 when absent. */
  readonly transmissionRiskLevel: number;
  /** UNKNOWN when the file did not say. */
  readonly reportType: ReportType;
  /** Days from symptom onset to the key's day; undefined when the file did not say. */
  readonly daysSinceOnsetOfSymptoms?: number | undefined;
}

/** One advertisement a phone heard during one scan. */
export interface Sighting {
  readonly rpi: Uint8Array;
  readonly aem: Uint8Array;
  /** Measured RSSI in dBm, before the receiving model's correction. */
  readonly rssi: number;
  readonly seconds: UnixSeconds;
}

/** GAEN v2 ScanInstance: one scan's view of one key. */
export interface ScanInstance {
  readonly minAttenuationDb: number;
  readonly typicalAttenuationDb: number;
  /** Seconds since the previous scan, capped at 300. */
  readonly secondsSinceLastScan: number;
}

/** GAEN v2 ExposureWindow: at most 30 minutes of sightings of one diagnosis key. */
export interface ExposureWindow {
  /** UTC day on which the window starts. */
  readonly day: UtcDay;
  readonly reportType: ReportType;
  readonly infectiousness: Infectiousness;
  readonly calibrationConfidence: CalibrationConfidence;
  readonly scanInstances: readonly ScanInstance[];
}

/**
 * GAEN v2 DiagnosisKeysDataMapping: how the phone turns a key's days since onset into
 * infectiousness, and what it assumes when a key carries no report type.
 */
export interface DiagnosisKeysDataMapping {
  /** Days since onset (−14…14) → infectiousness; days not listed count as 'none'. */
  readonly daysSinceOnsetToInfectiousness: Readonly<Record<number, Infectiousness>>;
  readonly infectiousnessWhenDaysSinceOnsetMissing: Infectiousness;
  /** Report type assumed for keys that carry UNKNOWN (GAEN requires one of 1…4). */
  readonly reportTypeWhenMissing: ReportType;
}
