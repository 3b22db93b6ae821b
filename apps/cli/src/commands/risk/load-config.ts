import { existsSync } from 'node:fs';
import {
  isProtocolError,
  RISK_PRESETS,
  type RiskConfiguration,
  validateRiskConfiguration,
} from '@bluezone/protocol';
import { CliError } from '../../cli-error.js';
import { readJsonFile } from '../../io.js';

/** `--config`: a preset name (cwa, enx, dp3t, bluezone) or a JSON file, validated either way. */
export function loadRiskConfiguration(nameOrFile: string): RiskConfiguration {
  const preset = Object.hasOwn(RISK_PRESETS, nameOrFile) ? RISK_PRESETS[nameOrFile] : undefined;
  if (preset === undefined && !existsSync(nameOrFile)) {
    throw new CliError(
      `--config: "${nameOrFile}" is neither a preset (${Object.keys(RISK_PRESETS).join(', ')}) nor a file`,
    );
  }
  const json = preset ?? readJsonFile(nameOrFile);
  try {
    return validateRiskConfiguration(json);
  } catch (error) {
    if (isProtocolError(error)) throw new CliError(`${nameOrFile}: ${error.message}`, 2, { cause: error });
    throw error;
  }
}

/** `--today YYYY-MM-DD` as a UTC day number; the current UTC date when absent. */
export function parseToday(value: string | undefined, now: Date = new Date()): number {
  if (value === undefined) return Math.floor(now.getTime() / 86_400_000);
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new CliError(`--today must be a date YYYY-MM-DD, not "${value}"`);
  }
  return ms / 86_400_000;
}
