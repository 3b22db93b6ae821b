// The risk configuration: plain JSON-serialisable data with GAEN v2 semantics (docs/risk-scoring.md).

import type { DiagnosisKeysDataMapping, ReportType } from '../diagnosis.js';

/** Which per-scan attenuation the buckets apply to (GAEN ScanInstance fields). */
export type AttenuationKind = 'typical' | 'minimum';

/** How a day adds up its windows: GAEN daily summaries carry both the sum and the maximum. */
export type DailyAggregation = 'sum' | 'max';

/** Per-day (and aggregate) risk level, with the meaning Corona-Warn-App gives low and high. */
export type RiskLevel = 'none' | 'low' | 'high';

/** What a person is told (docs/protocol.md §8). */
export type BluezoneLevel = 'none' | 'F1' | 'F2';

/** Report-type weights (GAEN `reportTypeWeights`, 0–2.5). */
export interface ReportTypeWeights {
  readonly confirmedTest: number;
  readonly confirmedClinicalDiagnosis: number;
  readonly selfReport: number;
  readonly recursive: number;
}

/** Infectiousness weights (GAEN `infectiousnessWeights`, 0–2.5); 'none' always weighs 0. */
export interface InfectiousnessWeights {
  readonly standard: number;
  readonly high: number;
}

/**
 * Corona-Warn-App's transmission-risk route: level = report-type offset + infectiousness offset,
 * value = `values[level − 1]`, normalized time = weighted minutes × value (docs/protocol.md §7).
 */
export interface TransmissionRiskEncoding {
  readonly reportTypeOffsets: ReportTypeWeights;
  readonly infectiousnessOffsets: InfectiousnessWeights;
  /** Values of transmission-risk levels 1…8. */
  readonly values: readonly number[];
}

/** A text shown to the person, in Vietnamese and English. */
export interface GuidanceText {
  readonly vi: string;
  readonly en: string;
}

/** Guidance per outcome; the health authority overrides the defaults. */
export interface Guidance {
  readonly none: GuidanceText;
  readonly low: GuidanceText;
  readonly F1: GuidanceText;
  readonly F2: GuidanceText;
}

/** A complete risk configuration, as validated by `validateRiskConfiguration`. */
export interface RiskConfiguration {
  readonly name: string;
  readonly description: string;
  readonly attenuation: AttenuationKind;
  /** Up to 3 ascending thresholds (dB); bucket i is [threshold[i−1], threshold[i]). */
  readonly attenuationBucketThresholdsDb: readonly number[];
  /** One weight per bucket (thresholds + 1): immediate, near, medium, other. */
  readonly attenuationBucketWeights: readonly number[];
  readonly reportTypeWeights: ReportTypeWeights;
  readonly infectiousnessWeights: InfectiousnessWeights;
  readonly diagnosisKeysDataMapping: DiagnosisKeysDataMapping;
  /** Windows scoring below this many (normalized) minutes are ignored (GAEN minimumWindowScore). */
  readonly minimumWindowMinutes: number;
  /** A window at or above this many (normalized) minutes is a high-risk encounter. */
  readonly windowHighMinutes: number;
  readonly dailyAggregation: DailyAggregation;
  /** A day is low at [low, high) and high at ≥ high (normalized) minutes. */
  readonly dayThresholdsMinutes: { readonly low: number; readonly high: number };
  /** When present, replaces the report-type and infectiousness weights (CWA). */
  readonly transmissionRisk?: TransmissionRiskEncoding | undefined;
  /** SELF_REPORT keys: 'ignore' (never a Bluezone warning) or 'F1'. */
  readonly selfReportLevel: 'ignore' | 'F1';
  readonly guidance: Guidance;
}

/** Report types that can carry risk, in GAEN order, with their configuration field names. */
export const REPORT_TYPE_FIELDS = [
  ['confirmedTest', 1],
  ['confirmedClinicalDiagnosis', 2],
  ['selfReport', 3],
  ['recursive', 4],
] as const satisfies readonly (readonly [keyof ReportTypeWeights, ReportType])[];

/** The four bucket names, for documentation and human output. */
export const BUCKET_NAMES = ['immediate', 'near', 'medium', 'other'] as const;
