// GAEN's DiagnosisKeysDataMapping applied to a key: days since onset → infectiousness, and the
// report type assumed when a key carries none.

import {
  type DiagnosisKey,
  type DiagnosisKeysDataMapping,
  type Infectiousness,
  ReportType,
} from '../diagnosis.js';

/** Infectiousness of a key's windows: the mapping's entry, 'none' if unlisted, the default if unknown. */
export function infectiousnessOf(
  daysSinceOnsetOfSymptoms: number | undefined,
  mapping: DiagnosisKeysDataMapping,
): Infectiousness {
  if (daysSinceOnsetOfSymptoms === undefined) return mapping.infectiousnessWhenDaysSinceOnsetMissing;
  return mapping.daysSinceOnsetToInfectiousness[daysSinceOnsetOfSymptoms] ?? 'none';
}

/** Report type of a key's windows: UNKNOWN becomes `reportTypeWhenMissing`. */
export function reportTypeOf(
  key: Pick<DiagnosisKey, 'reportType'>,
  mapping: DiagnosisKeysDataMapping,
): ReportType {
  return key.reportType === ReportType.UNKNOWN ? mapping.reportTypeWhenMissing : key.reportType;
}

/** A mapping that lists every day from `from` to `to` (inclusive) with one infectiousness. */
export function daysSinceOnsetRange(
  from: number,
  to: number,
  infectiousness: Infectiousness,
): Record<string, Infectiousness> {
  const days: Record<string, Infectiousness> = {};
  for (let d = from; d <= to; d += 1) days[String(d)] = infectiousness;
  return days;
}
