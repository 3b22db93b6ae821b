import { type DiagnosisKey, intervalNumber } from '@bluezone/protocol';
import type { ExposureRecord } from '../exposures/exposure.repository.js';
import { reportTypeOf } from './export-file-plan.js';

/** A stored exposure as it goes into an export file (`revised`: with its revised report type). */
export function toDiagnosisKey(row: ExposureRecord, revised = false): DiagnosisKey {
  const days = revised ? row.revisedDaysSinceOnsetOfSymptoms : row.daysSinceOnsetOfSymptoms;
  return {
    keyData: row.exposureKey,
    rollingStartIntervalNumber: intervalNumber(row.rollingStartIntervalNumber),
    rollingPeriod: row.rollingPeriod,
    transmissionRiskLevel: (revised ? row.revisedTransmissionRisk : undefined) ?? row.transmissionRisk,
    reportType: reportTypeOf(revised ? row.revisedReportType : row.reportType),
    ...(days === null || days === undefined ? {} : { daysSinceOnsetOfSymptoms: days }),
  };
}

/** `VN/1590159600-1590246000-00001.zip`: region, window in Unix seconds, 1-based file number. */
export function exportFilePath(region: string, start: Date, end: Date, fileNumber: number): string {
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  return `${region}/${seconds(start)}-${seconds(end)}-${String(fileNumber).padStart(5, '0')}.zip`;
}

/** `VN/index.txt`. */
export const exportIndexPath = (region: string) => `${region}/index.txt`;

/** Cache-Control of zips (never rewritten once listed) and of the index (rewritten every batch). */
export const ZIP_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const INDEX_CACHE_CONTROL = 'public, max-age=300';
