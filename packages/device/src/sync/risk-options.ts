import {
  isProtocolError,
  type RiskConfiguration,
  riskPreset,
  validateRiskConfiguration,
} from '@bluezone/protocol';
import { DeviceError } from '../errors.js';

/** A preset name (`bluezone`, `cwa`, `dp3t`, `enx`) or a configuration object (untrusted JSON). */
export type RiskConfigurationInput = string | RiskConfiguration | Readonly<Record<string, unknown>>;

/**
 * The validated risk configuration. Until the server publishes one, the device options carry it;
 * a bad name or object is a `DeviceError('invalid_risk_configuration')` listing every problem.
 */
export function resolveRiskConfiguration(input: RiskConfigurationInput): RiskConfiguration {
  try {
    return typeof input === 'string' ? riskPreset(input) : validateRiskConfiguration(input);
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    throw new DeviceError('invalid_risk_configuration', error.message, { cause: error });
  }
}
