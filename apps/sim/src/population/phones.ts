import type { PlaceProfile } from '@bluezone/epidemic';
import { WeightedTable } from '@bluezone/epidemic';
import { calibrationModels, lookupCalibration } from '@bluezone/protocol';

/** A phone model as the simulator uses it: its name and its calibration (RSSI correction, TX power). */
export interface PhoneModel {
  readonly platform: 'android' | 'ios';
  readonly oem: string;
  readonly device: string;
  readonly model: string;
  /** dB added by GAEN to this phone's measured RSSI (it measures this much lower than the reference). */
  readonly rssiCorrection: number;
  /** Calibrated TX power this phone advertises, dBm. */
  readonly txPower: number;
}

/**
 * iPhones are not in Google's table (Apple calibrates them itself). Assumption, as in
 * docs/proximity-rule.md: Google's reference receiver is an average iPhone, so correction 0 dB, and
 * the table's median TX power, −24 dBm.
 */
export const IPHONE: PhoneModel = Object.freeze({
  platform: 'ios',
  oem: 'Apple',
  device: 'iPhone',
  model: 'iPhone',
  rssiCorrection: 0,
  txPower: -24,
});

/**
 * The phone models a place's smartphones are drawn from, with their weights: iPhones at the place's
 * share; each Android maker at its market share, spread evenly over that maker's rows of the table;
 * a maker the table lacks (e.g. OPPO) is one model with the calibration lookup's fallback; `other`
 * is spread over all rows of makers not listed.
 */
export function phoneModelTable(place: PlaceProfile): WeightedTable<PhoneModel> {
  const rows = calibrationModels();
  const models: PhoneModel[] = [IPHONE];
  const weights: number[] = [place.iphoneShare];
  const android = 1 - place.iphoneShare;
  const listed = new Set(Object.keys(place.androidMakerShares).map((oem) => oem.toLowerCase()));
  for (const [maker, makerShare] of Object.entries(place.androidMakerShares)) {
    const key = maker.toLowerCase();
    const own = rows.filter((row) =>
      key === 'other' ? !listed.has(row.oem.toLowerCase()) : row.oem === key,
    );
    if (own.length === 0) {
      const calibration = lookupCalibration({ oem: maker, model: maker });
      models.push({ platform: 'android', oem: maker, device: '', model: maker, ...pick(calibration) });
      weights.push(android * makerShare);
      continue;
    }
    for (const row of own) {
      models.push({ platform: 'android', oem: row.oem, device: row.device, model: row.model, ...pick(row) });
      weights.push((android * makerShare) / own.length);
    }
  }
  return new WeightedTable(models, weights);
}

const pick = (calibration: { rssiCorrection: number; txPower: number }) => ({
  rssiCorrection: calibration.rssiCorrection,
  txPower: calibration.txPower,
});
