import { daysSinceOnsetRange } from '../diagnosis-mapping.js';
import type { RiskConfiguration } from '../risk-configuration.js';
import { DEFAULT_GUIDANCE } from './guidance.js';

/**
 * Exposure Notifications Express defaults: thresholds 30/50/60 dB, weights 150/100/50/0 %, and a
 * notification at 15 weighted minutes in a day (Apple's "Configuring Exposure Notifications").
 */
export const enxPreset: RiskConfiguration = {
  name: 'enx',
  description:
    'Exposure Notifications Express defaults: typical attenuation 30/50/60 dB weighted 150/100/50/0 %, alert at 15 weighted minutes per day.',
  attenuation: 'typical',
  attenuationBucketThresholdsDb: [30, 50, 60],
  attenuationBucketWeights: [1.5, 1, 0.5, 0],
  reportTypeWeights: { confirmedTest: 1, confirmedClinicalDiagnosis: 1, selfReport: 0, recursive: 0 },
  infectiousnessWeights: { standard: 1, high: 1 },
  diagnosisKeysDataMapping: {
    daysSinceOnsetToInfectiousness: daysSinceOnsetRange(-14, 14, 'standard'),
    infectiousnessWhenDaysSinceOnsetMissing: 'standard',
    reportTypeWhenMissing: 1,
  },
  minimumWindowMinutes: 0,
  windowHighMinutes: 15,
  dailyAggregation: 'sum',
  // One threshold: ENX either notifies or not, so there is no low band.
  dayThresholdsMinutes: { low: 15, high: 15 },
  selfReportLevel: 'ignore',
  guidance: DEFAULT_GUIDANCE,
};
