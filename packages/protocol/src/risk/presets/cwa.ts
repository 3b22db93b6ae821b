import { daysSinceOnsetRange } from '../diagnosis-mapping.js';
import type { RiskConfiguration } from '../risk-configuration.js';
import { DEFAULT_GUIDANCE } from './guidance.js';

/**
 * Corona-Warn-App's final exposure-window parameters (CWA 2.x app configuration, as in its
 * published exposure-window test cases): minimum attenuation, transmission-risk encoding.
 */
export const cwaPreset: RiskConfiguration = {
  name: 'cwa',
  description:
    'Corona-Warn-App (Germany), final v2 parameters: minimum attenuation [0,63) 0.8, [63,73) 1.0, [73,79) 0.1; transmission-risk values; window high at 9, day low at 5 and high at 9 normalized minutes.',
  attenuation: 'minimum',
  attenuationBucketThresholdsDb: [63, 73, 79],
  attenuationBucketWeights: [0.8, 1, 0.1, 0],
  // Not used on the transmission-risk route; kept neutral.
  reportTypeWeights: { confirmedTest: 1, confirmedClinicalDiagnosis: 1, selfReport: 1, recursive: 1 },
  infectiousnessWeights: { standard: 1, high: 1 },
  diagnosisKeysDataMapping: {
    // Approximation: CWA's keys carry their infectiousness through an encoded days-since-onset.
    daysSinceOnsetToInfectiousness: {
      ...daysSinceOnsetRange(-14, -3, 'standard'),
      ...daysSinceOnsetRange(-2, 5, 'high'),
      ...daysSinceOnsetRange(6, 14, 'standard'),
    },
    infectiousnessWhenDaysSinceOnsetMissing: 'high',
    reportTypeWhenMissing: 1,
  },
  minimumWindowMinutes: 0,
  windowHighMinutes: 9,
  dailyAggregation: 'sum',
  dayThresholdsMinutes: { low: 5, high: 9 },
  transmissionRisk: {
    reportTypeOffsets: { recursive: 0, selfReport: 2, confirmedClinicalDiagnosis: 4, confirmedTest: 6 },
    infectiousnessOffsets: { standard: 1, high: 2 },
    values: [0, 0, 0.6, 0.8, 1, 1.2, 1.4, 1.6],
  },
  // CWA warns on self-reported (rapid-test) keys like on confirmed ones.
  selfReportLevel: 'F1',
  guidance: DEFAULT_GUIDANCE,
};
