import type { CalibrationConfidence } from '../keys/metadata.js';
import { type CalibrationModel, calibrationIndex, normalizeName } from './calibration-table.js';

/** What a lookup matched on: a device code, a model name, only the manufacturer, or nothing. */
export type CalibrationSource = 'device' | 'model' | 'oem' | 'fallback';

export interface DeviceCalibration {
  readonly rssiCorrection: number;
  readonly txPower: number;
  readonly calibrationConfidence: CalibrationConfidence;
  readonly source: CalibrationSource;
}

/** What a phone knows about itself: Android's `Build.MANUFACTURER`, `Build.DEVICE`, `Build.MODEL`. */
export interface PhoneModel {
  readonly oem?: string | undefined;
  readonly device?: string | undefined;
  readonly model?: string | undefined;
}

/**
 * For a phone the table does not know at all: +3 dB correction, −24 dBm TX power. Both are the median
 * of their column over all 11,809 rows, and the pair is also the table's most common one (2,053
 * rows). Confidence 0 (GAEN's LOWEST: "no calibration data, fleet-wide default").
 */
export const FALLBACK_CALIBRATION: DeviceCalibration = Object.freeze({
  rssiCorrection: 3,
  txPower: -24,
  calibrationConfidence: 0,
  source: 'fallback',
});

/** Manufacturer names Android reports (`Build.MANUFACTURER`) that the table spells differently. */
const OEM_ALIASES: Readonly<Record<string, string>> = {
  alcatel: 'tct (alcatel)',
  tcl: 'tct (alcatel)',
  tct: 'tct (alcatel)',
  lg: 'lge',
  'lg electronics': 'lge',
  'hmd global': 'nokia',
  essential: 'essential products',
};

/**
 * Calibration of a phone model from Google's table. Names are compared trimmed and case-insensitively.
 * 1. `device`: rows with that device code; among them, the one whose model also matches (then the
 *    exact spelling, then the first in table order) — device codes are shared (`a10` names phones of
 *    several makers), so the model decides between them.
 * 2. `model`: rows with that model name.
 * 3. `oem`: the manufacturer's most common (correction, TX power) pair — Google gives most models of
 *    a maker the same pair (e.g. Samsung 5/−24 on 1,849 of 2,340 rows) — with confidence 1 (LOW:
 *    "average calibration over models from manufacturer").
 * 4. `fallback`: {@link FALLBACK_CALIBRATION}.
 * A manufacturer the table knows (after aliases like `LGE`/`LG`, `HMD Global` → nokia) restricts steps
 * 1 and 2 to its rows; an unknown one (`OPPO`, `Apple`) does not, since the device code is then the
 * better evidence.
 */
export function lookupCalibration(phone: PhoneModel): DeviceCalibration {
  const { models, byDevice, byModel, byOem } = calibrationIndex();
  const given = normalizeName(phone.oem);
  const oem = OEM_ALIASES[given] ?? given;
  const known = byOem.has(oem);
  const sameOem = (row: number) => !known || (models[row] as CalibrationModel).oem === oem;
  const device = normalizeName(phone.device);
  const model = normalizeName(phone.model);
  const exact = (a: string, b: string | undefined) => a === (b ?? '').trim();

  const deviceRow = best((byDevice.get(device) ?? []).filter(sameOem), (m) =>
    normalizeName(m.model) === model && model !== ''
      ? 2 + (exact(m.model, phone.model) && exact(m.device, phone.device) ? 1 : 0)
      : 0,
  );
  if (deviceRow !== undefined) return fromRow(models[deviceRow] as CalibrationModel, 'device');
  const modelRow = best((byModel.get(model) ?? []).filter(sameOem), (m) =>
    exact(m.model, phone.model) ? 1 : 0,
  );
  if (modelRow !== undefined) return fromRow(models[modelRow] as CalibrationModel, 'model');
  if (known) return oemCalibration(oem);
  return FALLBACK_CALIBRATION;

  function best(rows: readonly number[], score: (m: CalibrationModel) => number): number | undefined {
    let bestRow: number | undefined;
    let bestScore = -1;
    for (const row of rows) {
      const s = score(models[row] as CalibrationModel);
      if (s > bestScore) [bestRow, bestScore] = [row, s];
    }
    return bestRow;
  }
}

function fromRow(m: CalibrationModel, source: CalibrationSource): DeviceCalibration {
  return {
    rssiCorrection: m.rssiCorrection,
    txPower: m.txPower,
    calibrationConfidence: m.calibrationConfidence,
    source,
  };
}

const oemDefaults = new Map<string, DeviceCalibration>();

/** The most common (correction, TX power) pair among a table OEM's rows; ties go to the first seen. */
function oemCalibration(oem: string): DeviceCalibration {
  let found = oemDefaults.get(oem);
  if (found === undefined) {
    const { models, byOem } = calibrationIndex();
    const counts = new Map<string, number>();
    let top = '';
    for (const row of byOem.get(oem) ?? []) {
      const m = models[row] as CalibrationModel;
      const pair = `${m.rssiCorrection},${m.txPower}`;
      const n = (counts.get(pair) ?? 0) + 1;
      counts.set(pair, n);
      if (n > (counts.get(top) ?? 0)) top = pair;
    }
    const [rssiCorrection, txPower] = top.split(',').map(Number) as [number, number];
    found = Object.freeze({ rssiCorrection, txPower, calibrationConfidence: 1, source: 'oem' as const });
    oemDefaults.set(oem, found);
  }
  return found;
}
