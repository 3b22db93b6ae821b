// Scoring one exposure window: bucket-weighted minutes, then report-type × infectiousness
// weights, or Corona-Warn-App's transmission-risk value when configured.

import { type ExposureWindow, ReportType, type ScanInstance } from '../diagnosis.js';
import { REPORT_TYPE_FIELDS, type RiskConfiguration, type RiskLevel } from './risk-configuration.js';

/** Normalized times are compared after rounding to 6 decimals (as Corona-Warn-App does). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Index of the attenuation bucket: 0 immediate, 1 near, 2 medium, 3 other (with 3 thresholds). */
export function bucketOf(attenuationDb: number, thresholdsDb: readonly number[]): number {
  let i = 0;
  while (i < thresholdsDb.length && attenuationDb >= (thresholdsDb[i] ?? Number.POSITIVE_INFINITY)) i += 1;
  return i;
}

/**
 * Whether a scan instance counts. One with a negative `secondsSinceLastScan` (the phone's clock moved
 * back between two scans) or a value that is not a number is ignored, as Corona-Warn-App does, and
 * the window's other scans are scored.
 */
export function isScoredScan(scan: ScanInstance): boolean {
  return (
    Number.isFinite(scan.secondsSinceLastScan) &&
    scan.secondsSinceLastScan >= 0 &&
    Number.isFinite(scan.minAttenuationDb) &&
    Number.isFinite(scan.typicalAttenuationDb)
  );
}

/** Σ secondsSinceLastScan × bucket weight, in minutes (GAEN weightedDuration, before other weights). */
export function weightedMinutes(window: ExposureWindow, config: RiskConfiguration): number {
  let seconds = 0;
  for (const scan of window.scanInstances) {
    if (!isScoredScan(scan)) continue;
    const db = config.attenuation === 'minimum' ? scan.minAttenuationDb : scan.typicalAttenuationDb;
    seconds +=
      scan.secondsSinceLastScan *
      (config.attenuationBucketWeights[bucketOf(db, config.attenuationBucketThresholdsDb)] ?? 0);
  }
  return seconds / 60;
}

/** The report type a window counts as: UNKNOWN becomes the mapping's `reportTypeWhenMissing`. */
export function effectiveReportType(window: ExposureWindow, config: RiskConfiguration): ReportType {
  return window.reportType === ReportType.UNKNOWN
    ? config.diagnosisKeysDataMapping.reportTypeWhenMissing
    : window.reportType;
}

function fieldOf(reportType: ReportType): (typeof REPORT_TYPE_FIELDS)[number][0] | undefined {
  return REPORT_TYPE_FIELDS.find(([, value]) => value === reportType)?.[0];
}

/** CWA transmission-risk level of a window (report-type offset + infectiousness offset), if configured. */
export function transmissionRiskLevel(window: ExposureWindow, config: RiskConfiguration): number | undefined {
  const encoding = config.transmissionRisk;
  const field = fieldOf(effectiveReportType(window, config));
  if (encoding === undefined || field === undefined || window.infectiousness === 'none') return undefined;
  return encoding.reportTypeOffsets[field] + encoding.infectiousnessOffsets[window.infectiousness];
}

/**
 * The window's score in (normalized) minutes, rounded to 6 decimals. Windows of infectiousness
 * 'none', REVOKED keys or unknown report types score 0 (GAEN never reports them).
 */
export function windowScore(window: ExposureWindow, config: RiskConfiguration): number {
  const field = fieldOf(effectiveReportType(window, config));
  if (field === undefined || window.infectiousness === 'none') return 0;
  const minutes = weightedMinutes(window, config);
  if (config.transmissionRisk !== undefined) {
    const level = transmissionRiskLevel(window, config) ?? 0;
    return round6(minutes * (config.transmissionRisk.values[level - 1] ?? 0));
  }
  const weight = config.reportTypeWeights[field] * config.infectiousnessWeights[window.infectiousness];
  return round6(minutes * weight);
}

/** A scored window: whether it counts, its level, and what makes it a distinct encounter. */
export interface WindowRisk {
  readonly window: ExposureWindow;
  readonly reportType: ReportType;
  readonly score: number;
  /** False when the window scores below `minimumWindowMinutes` (it is then ignored entirely). */
  readonly counted: boolean;
  /** 'high' at ≥ windowHighMinutes, otherwise 'low'; 'none' when not counted. */
  readonly level: RiskLevel;
  /** CWA: transmission-risk level + calibration confidence; otherwise report type + infectiousness + confidence. */
  readonly encounterKey: string;
}

/** Scores one window against the configuration. */
export function assessWindow(window: ExposureWindow, config: RiskConfiguration): WindowRisk {
  const score = windowScore(window, config);
  const reportType = effectiveReportType(window, config);
  const counted =
    score >= config.minimumWindowMinutes &&
    fieldOf(reportType) !== undefined &&
    window.infectiousness !== 'none';
  const level: RiskLevel = !counted ? 'none' : score >= config.windowHighMinutes ? 'high' : 'low';
  const trl = transmissionRiskLevel(window, config);
  const encounterKey =
    trl === undefined
      ? `${reportType}/${window.infectiousness}/${window.calibrationConfidence}`
      : `trl${trl}/${window.calibrationConfidence}`;
  return { window, reportType, score, counted, level, encounterKey };
}
