import { daysSinceOnsetRange } from '../diagnosis-mapping.js';
import type { RiskConfiguration } from '../risk-configuration.js';
import { DEFAULT_GUIDANCE } from './guidance.js';

/**
 * Bluezone's rule: "closer than about 2 m for 15 minutes or more in a day". The thresholds come
 * from `npx tsx scripts/derive-bluezone-preset.ts` (docs/proximity-rule.md); a test re-derives them.
 */
export const bluezonePreset: RiskConfiguration = {
  name: 'bluezone',
  description:
    'Bluezone: typical attenuation below 66 dB (about 2 m, derived from real measurements) for 15 minutes or more in a UTC day; recursive keys give F2.',
  attenuation: 'typical',
  attenuationBucketThresholdsDb: [65, 66, 66],
  attenuationBucketWeights: [1, 1, 0, 0],
  reportTypeWeights: { confirmedTest: 1, confirmedClinicalDiagnosis: 1, selfReport: 0, recursive: 1 },
  infectiousnessWeights: { standard: 1, high: 1 },
  diagnosisKeysDataMapping: {
    // Contacts count from 2 days before symptom onset; earlier keys are not infectious.
    daysSinceOnsetToInfectiousness: {
      ...daysSinceOnsetRange(-14, -3, 'none'),
      ...daysSinceOnsetRange(-2, 3, 'high'),
      ...daysSinceOnsetRange(4, 14, 'standard'),
    },
    infectiousnessWhenDaysSinceOnsetMissing: 'standard',
    reportTypeWhenMissing: 1,
  },
  minimumWindowMinutes: 0,
  windowHighMinutes: 15,
  dailyAggregation: 'sum',
  dayThresholdsMinutes: { low: 5, high: 15 },
  selfReportLevel: 'ignore',
  guidance: DEFAULT_GUIDANCE,
};
