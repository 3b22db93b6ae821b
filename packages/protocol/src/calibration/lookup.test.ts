import { describe, expect, it } from 'vitest';
import { attenuationDb } from './attenuation.js';
import { calibrationModels } from './calibration-table.js';
import { FALLBACK_CALIBRATION, lookupCalibration } from './lookup.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

describe("Google's calibration table", () => {
  const models = calibrationModels();

  it('ships all 11,809 rows with their values, first and last as in the CSV', () => {
    expect(models).toHaveLength(11_809);
    expect(models[0]).toEqual({
      oem: 'asus',
      device: 'K015',
      model: 'AST21',
      rssiCorrection: 3,
      txPower: -22,
      calibrationConfidence: 1,
    });
    expect(models.at(-1)).toMatchObject({
      oem: 'zte',
      device: 'sailboat',
      model: 'tmn smart a7',
      txPower: -25,
    });
    expect(new Set(models.map((m) => m.oem)).size).toBe(28);
    expect(calibrationModels()).toBe(models);
  });

  it('finds known rows by device code and model', () => {
    expect(lookupCalibration({ oem: 'samsung', device: 'a10', model: 'SM-A105FN' })).toEqual({
      rssiCorrection: 6,
      txPower: -25,
      calibrationConfidence: 3,
      source: 'device',
    });
    expect(lookupCalibration({ oem: 'Google', device: 'gobo', model: 'gobo_512' })).toMatchObject({
      rssiCorrection: 2,
      txPower: -22,
      calibrationConfidence: 3,
    });
    expect(lookupCalibration({ model: 'SM-A105FN' })).toMatchObject({ txPower: -25, source: 'model' });
    // A device code two makers share: the manufacturer decides, and an alias of it too.
    expect(lookupCalibration({ oem: 'leagoo', device: 'M15' })).toMatchObject({
      rssiCorrection: -29,
      txPower: -23,
    });
    expect(lookupCalibration({ oem: 'meizu', device: 'M15' })).toMatchObject({
      rssiCorrection: 5,
      txPower: -5,
    });
    expect(lookupCalibration({ oem: 'TCL', device: 'Festa5_CU' })).toMatchObject({
      txPower: -24,
      source: 'device',
    });
  });

  it('ignores case and surrounding whitespace', () => {
    const plain = lookupCalibration({ oem: 'samsung', device: 'a10', model: 'SM-A105F' });
    expect(lookupCalibration({ oem: ' SAMSUNG ', device: '  A10', model: 'sm-a105f  ' })).toEqual(plain);
    expect(lookupCalibration({ model: '  MI 9 se ' })).toMatchObject({ rssiCorrection: 1, txPower: -23 });
    // Rows that differ only by case: the exact spelling wins.
    expect(lookupCalibration({ device: 'tissot_sprout', model: 'Mi A1' }).calibrationConfidence).toBe(3);
    expect(lookupCalibration({ device: 'tissot_sprout', model: 'MI A1' }).calibrationConfidence).toBe(1);
  });

  it("falls back to the manufacturer's usual pair, then to the fleet-wide median", () => {
    expect(lookupCalibration({ oem: 'Samsung', device: 'no-such-device', model: 'SM-X999' })).toEqual({
      rssiCorrection: 5,
      txPower: -24,
      calibrationConfidence: 1,
      source: 'oem',
    });
    expect(lookupCalibration({ oem: 'LGE' })).toMatchObject({
      rssiCorrection: 3,
      txPower: -20,
      source: 'oem',
    });
    expect(lookupCalibration({ oem: 'HMD Global' })).toMatchObject({ txPower: -23, source: 'oem' });
    expect(lookupCalibration({ oem: 'Apple', device: 'iPhone12,1' })).toBe(FALLBACK_CALIBRATION);
    expect(lookupCalibration({})).toBe(FALLBACK_CALIBRATION);
    // A maker the table knows restricts the match to its rows; an unknown one does not.
    expect(lookupCalibration({ oem: 'nokia', device: 'a10' }).source).toBe('oem');
    expect(lookupCalibration({ oem: 'OPPO', device: 'a10' }).source).toBe('device');
  });

  it('derives the fallback from the table: per-column median and most common pair', () => {
    expect(median(models.map((m) => m.rssiCorrection))).toBe(FALLBACK_CALIBRATION.rssiCorrection);
    expect(median(models.map((m) => m.txPower))).toBe(FALLBACK_CALIBRATION.txPower);
    const counts = new Map<string, number>();
    for (const m of models)
      counts.set(
        `${m.rssiCorrection},${m.txPower}`,
        (counts.get(`${m.rssiCorrection},${m.txPower}`) ?? 0) + 1,
      );
    const [top] = [...counts].sort((a, b) => b[1] - a[1]);
    expect(top).toEqual(['3,-24', 2053]);
  });

  it('finds every row by its own oem, device code and model, and by its device code alone', () => {
    for (const m of models) {
      const found = lookupCalibration(m);
      if (
        found.source !== 'device' ||
        lookupCalibration({ device: m.device }).source !== 'device' ||
        found.rssiCorrection !== m.rssiCorrection ||
        found.txPower !== m.txPower ||
        found.calibrationConfidence !== m.calibrationConfidence
      ) {
        expect({ row: m, found }).toBeUndefined();
      }
    }
  });

  it('computes attenuation as TX power minus calibrated RSSI, never below 0', () => {
    const { rssiCorrection, txPower } = lookupCalibration({
      oem: 'samsung',
      device: 'a10',
      model: 'SM-A105F',
    });
    expect(attenuationDb(txPower, -80, rssiCorrection)).toBe(-25 - (-80 + 6));
    expect(attenuationDb(txPower, 0, rssiCorrection)).toBe(0);
  });
});
