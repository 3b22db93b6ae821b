import { daysSinceOnsetRange } from '../diagnosis-mapping.js';
import type { RiskConfiguration } from '../risk-configuration.js';
import { DEFAULT_GUIDANCE } from './guidance.js';

/** DP-3T / SwissCovid: thresholds 50/55 dB, weights 1.0/0.5/0, alert at 15 weighted minutes in a day. */
export const dp3tPreset: RiskConfiguration = {
  name: 'dp3t',
  description:
    'DP-3T / SwissCovid: attenuation < 50 dB counts fully, 50–55 dB half; alert at 15 weighted minutes per day.',
  attenuation: 'typical',
  attenuationBucketThresholdsDb: [50, 55],
  attenuationBucketWeights: [1, 0.5, 0],
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
  dayThresholdsMinutes: { low: 15, high: 15 },
  selfReportLevel: 'ignore',
  guidance: DEFAULT_GUIDANCE,
};
