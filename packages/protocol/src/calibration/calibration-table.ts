import type { CalibrationConfidence } from '../keys/metadata.js';
import { CALIBRATION_ROWS, CALIBRATION_VALUES } from './calibration-table.gen.js';

/** One row of Google's calibration table: an Android model and how its radio is calibrated. */
export interface CalibrationModel {
  /** The table's manufacturer name, e.g. `samsung`, `lge`, `tct (alcatel)`. */
  readonly oem: string;
  /** Android's `Build.DEVICE`, e.g. `a10`. */
  readonly device: string;
  /** Android's `Build.MODEL`, e.g. `SM-A105F`. */
  readonly model: string;
  /** Added to the measured RSSI before attenuation is computed, in dB. */
  readonly rssiCorrection: number;
  /** The model's advertised TX power in dBm, which a phone writes into its metadata. */
  readonly txPower: number;
  readonly calibrationConfidence: CalibrationConfidence;
}

/** The table, indexed for lookup. Built once, on first use (about 20 ms), from the generated module. */
export interface CalibrationIndex {
  readonly models: readonly CalibrationModel[];
  /** Trimmed, lower-cased device code → row numbers, in table order. */
  readonly byDevice: ReadonlyMap<string, readonly number[]>;
  /** Trimmed, lower-cased model name → row numbers, in table order. */
  readonly byModel: ReadonlyMap<string, readonly number[]>;
  /** Table OEM → row numbers. */
  readonly byOem: ReadonlyMap<string, readonly number[]>;
}

export const normalizeName = (text: string | undefined): string => (text ?? '').trim().toLowerCase();

let index: CalibrationIndex | undefined;

export function calibrationIndex(): CalibrationIndex {
  index ??= buildIndex();
  return index;
}

/**
 * Every row of Google's calibration table (11,809 Android models), in table order: for a simulator
 * that draws phone models, or for tools. The same array on every call; do not mutate it.
 */
export function calibrationModels(): readonly CalibrationModel[] {
  return calibrationIndex().models;
}

function buildIndex(): CalibrationIndex {
  const models: CalibrationModel[] = [];
  const byDevice = new Map<string, number[]>();
  const byModel = new Map<string, number[]>();
  const byOem = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, row: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [row]);
    else list.push(row);
  };
  for (const [oem, text] of CALIBRATION_ROWS) {
    for (const line of text.split('\n')) {
      const first = line.indexOf(',');
      const second = line.indexOf(',', first + 1);
      const v = 3 * Number(line.slice(0, first));
      const device = line.slice(first + 1, second);
      const model = line.slice(second + 1);
      const row = models.length;
      models.push({
        oem,
        device,
        model,
        rssiCorrection: CALIBRATION_VALUES[v] as number,
        txPower: CALIBRATION_VALUES[v + 1] as number,
        calibrationConfidence: CALIBRATION_VALUES[v + 2] as CalibrationConfidence,
      });
      add(byDevice, normalizeName(device), row);
      add(byModel, normalizeName(model), row);
      add(byOem, oem, row);
    }
  }
  return { models, byDevice, byModel, byOem };
}
