import { ProtocolError } from '../../errors.js';
import type { RiskConfiguration } from '../risk-configuration.js';
import { bluezonePreset } from './bluezone.js';
import { cwaPreset } from './cwa.js';
import { dp3tPreset } from './dp3t.js';
import { enxPreset } from './enx.js';

export { DEFAULT_GUIDANCE } from './guidance.js';
export { bluezonePreset, cwaPreset, dp3tPreset, enxPreset };

/** The shipped presets by name (each passes `validateRiskConfiguration`, checked by a test). */
export const RISK_PRESETS: Readonly<Record<string, RiskConfiguration>> = {
  bluezone: bluezonePreset,
  cwa: cwaPreset,
  dp3t: dp3tPreset,
  enx: enxPreset,
};

/** A preset by name; unknown names are a ProtocolError('unknown_risk_preset'). */
export function riskPreset(name: string): RiskConfiguration {
  const preset = Object.hasOwn(RISK_PRESETS, name) ? RISK_PRESETS[name] : undefined;
  if (preset === undefined) {
    throw new ProtocolError(
      'unknown_risk_preset',
      `unknown risk preset "${name}" (known: ${Object.keys(RISK_PRESETS).join(', ')})`,
    );
  }
  return preset;
}
