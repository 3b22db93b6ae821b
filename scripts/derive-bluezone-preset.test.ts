import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bluezonePreset } from '../packages/protocol/src/risk/presets/bluezone.js';
import { validateRiskConfiguration } from '../packages/protocol/src/risk/validate-risk-configuration.js';
import { analyse, renderFigures } from './derive-bluezone-preset.js';

// Re-runs the derivation on data/ble/ (about 550,000 readings) and checks that the committed
// preset and the figures in docs/proximity-rule.md are what the data give.
describe('the bluezone proximity rule', () => {
  const analysis = analyse();

  it('the preset carries the derived thresholds and validates', () => {
    expect(bluezonePreset.attenuationBucketThresholdsDb).toEqual(analysis.thresholdsDb);
    expect(bluezonePreset.attenuation).toBe('typical');
    expect(validateRiskConfiguration(bluezonePreset)).toEqual(bluezonePreset);
  });

  it('docs/proximity-rule.md shows the figures the data give', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'proximity-rule.md'), 'utf8');
    expect(doc).toContain(renderFigures(analysis));
  });

  it('detects "≤ 2 m" on phones carried by people better than chance', () => {
    const pcng = analysis.rows[0];
    expect(pcng?.dataset).toMatch(/^pcng/);
    expect(pcng?.minutes.balancedAccuracy).toBeGreaterThan(0.6);
    expect(pcng?.minutes.recall).toBeGreaterThan(0.8);
  });
});
