import { readFileSync } from 'node:fs';
import {
  RISK_PRESETS,
  type RiskConfiguration,
  riskPreset,
  validateRiskConfiguration,
} from '@bluezone/protocol';
import { ConfigError } from '../config/config.types.js';

/**
 * The risk configuration this server publishes (`BLUEZONE_RISK_CONFIG`): a preset by name, or a JSON
 * file validated like a preset. A bad file stops the server at start with every problem named.
 */
export function loadRiskConfiguration(setting: string): RiskConfiguration {
  if (Object.hasOwn(RISK_PRESETS, setting)) return riskPreset(setting);
  let text: string;
  try {
    text = readFileSync(setting, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `BLUEZONE_RISK_CONFIG: "${setting}" is neither a preset (${Object.keys(RISK_PRESETS).join(', ')}) nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    ]);
  }
  try {
    return validateRiskConfiguration(JSON.parse(text));
  } catch (error) {
    throw new ConfigError([`BLUEZONE_RISK_CONFIG: ${setting}: ${(error as Error).message}`]);
  }
}
