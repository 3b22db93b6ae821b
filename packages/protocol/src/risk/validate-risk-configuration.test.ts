import { describe, expect, it } from 'vitest';
import { isProtocolError, type ProtocolError } from '../errors.js';
import { RISK_PRESETS, riskPreset } from './presets/index.js';
import { validateRiskConfiguration } from './validate-risk-configuration.js';

function problemsOf(json: unknown): string {
  try {
    validateRiskConfiguration(json);
  } catch (e) {
    expect(isProtocolError(e, 'invalid_risk_configuration')).toBe(true);
    return (e as ProtocolError).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('validateRiskConfiguration', () => {
  it.each(Object.keys(RISK_PRESETS))('accepts the %s preset, also after a JSON round trip', (name) => {
    const preset = riskPreset(name);
    expect(validateRiskConfiguration(preset)).toEqual(preset);
    expect(validateRiskConfiguration(JSON.parse(JSON.stringify(preset)))).toEqual(preset);
  });

  it('returns a frozen copy', () => {
    const copy = validateRiskConfiguration(riskPreset('cwa'));
    expect(Object.isFrozen(copy.attenuationBucketThresholdsDb)).toBe(true);
  });

  it('reports every problem at once, with paths', () => {
    const bad = {
      ...riskPreset('bluezone'),
      attenuation: 'median',
      attenuationBucketThresholdsDb: [63, 60, 300],
      reportTypeWeights: { confirmedTest: 3, confirmedClinicalDiagnosis: 1, selfReport: 0 },
      dayThresholdsMinutes: { low: 20, high: 15 },
      guidance: { ...riskPreset('bluezone').guidance, F2: { vi: '', en: 'x' } },
      colour: 'red',
    };
    const message = problemsOf(bad);
    for (const expected of [
      'attenuation must be one of "typical", "minimum", not "median"',
      'attenuationBucketThresholdsDb[1] must be ≥ [0] (60 < 63)',
      'attenuationBucketThresholdsDb[2] must be in 0…255, not 300',
      'reportTypeWeights.confirmedTest must be in 0…2.5, not 3',
      'reportTypeWeights.recursive is required',
      'dayThresholdsMinutes.high must be ≥ dayThresholdsMinutes.low (15 < 20)',
      'guidance.F2.vi must not be empty',
      'colour is not a known field',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('checks the bucket weights against the number of thresholds', () => {
    const bad = { ...riskPreset('dp3t'), attenuationBucketWeights: [1, 0.5, 0, 0] };
    expect(problemsOf(bad)).toContain('attenuationBucketWeights must have 3 items, not 4');
  });

  it('checks the days-since-onset mapping and the transmission-risk encoding', () => {
    const cwa = riskPreset('cwa');
    const bad = {
      ...cwa,
      diagnosisKeysDataMapping: {
        ...cwa.diagnosisKeysDataMapping,
        daysSinceOnsetToInfectiousness: { '15': 'high', '-1': 'very' },
        reportTypeWhenMissing: 5,
      },
      transmissionRisk: {
        ...cwa.transmissionRisk,
        values: [0, 0, 1],
        infectiousnessOffsets: { standard: 1, high: 3 },
      },
    };
    const message = problemsOf(bad);
    expect(message).toContain(
      'diagnosisKeysDataMapping.daysSinceOnsetToInfectiousness["15"] is not a day since onset',
    );
    expect(message).toContain('diagnosisKeysDataMapping.daysSinceOnsetToInfectiousness["-1"] must be one of');
    expect(message).toContain('diagnosisKeysDataMapping.reportTypeWhenMissing must be in 1…4, not 5');
    expect(message).toContain('transmissionRisk.values must have 8 items, not 3');
    expect(message).toContain('transmissionRisk offsets 6 + 3 give level 9, outside 1…8');
  });

  it('rejects what is not an object', () => {
    for (const json of [null, [], 'cwa', 3, undefined]) expect(problemsOf(json)).toMatch(/configuration /);
  });

  it('knows its presets by name', () => {
    expect(() => riskPreset('toString')).toThrow(/unknown risk preset "toString"/);
  });
});
