// Which diagnosis keys take part in matching, and with what report type and infectiousness
// (GAEN v2 DiagnosisKeysDataMapping semantics). Shared by the fast and the reference matcher.

import type { DiagnosisKey } from '../diagnosis.js';
import { type DiagnosisKeysDataMapping, type Infectiousness, ReportType } from '../diagnosis.js';

/** What a key contributes to its exposure windows, or undefined when it never matches. */
export interface KeyPolicy {
  readonly reportType: ReportType;
  readonly infectiousness: Exclude<Infectiousness, 'none'>;
}

/**
 * The effective report type and infectiousness of a key under `mapping`:
 * - UNKNOWN report types become `mapping.reportTypeWhenMissing`;
 * - REVOKED keys (as published, or as mapped) never match;
 * - days since onset map through `daysSinceOnsetToInfectiousness` (days not listed: 'none'), a
 *   missing value through `infectiousnessWhenDaysSinceOnsetMissing`;
 * - infectiousness 'none' drops every window of the key, so the key is not matched at all.
 */
export function keyPolicy(key: DiagnosisKey, mapping: DiagnosisKeysDataMapping): KeyPolicy | undefined {
  const reportType = key.reportType === ReportType.UNKNOWN ? mapping.reportTypeWhenMissing : key.reportType;
  if (reportType === ReportType.REVOKED) return undefined;
  const days = key.daysSinceOnsetOfSymptoms;
  const infectiousness =
    days === undefined
      ? mapping.infectiousnessWhenDaysSinceOnsetMissing
      : (mapping.daysSinceOnsetToInfectiousness[days] ?? 'none');
  if (infectiousness === 'none') return undefined;
  return { reportType, infectiousness };
}
