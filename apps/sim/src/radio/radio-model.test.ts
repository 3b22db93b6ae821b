import { Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { FITTED_RADIO_PARAMETERS } from './fitted-radio.js';
import { heardMoments, normalCdf } from './normal.js';
import { meanRssiDbm, pathGainDb } from './path-loss.js';
import { type ClosePairs, RadioModel } from './radio-model.js';
import { DEFAULT_SCANNING, ScanSchedule } from './scan-schedule.js';

const pairs = (distance: number, carrying = 0): ClosePairs => ({
  count: 1,
  a: Int32Array.of(0),
  b: Int32Array.of(1),
  distanceM: Float32Array.of(distance),
  carryingA: Uint8Array.of(carrying),
  carryingB: Uint8Array.of(carrying),
});

describe('radio physics', () => {
  it('loses power with distance and with phones in pockets and bags', () => {
    const p = FITTED_RADIO_PARAMETERS;
    expect(pathGainDb(p, 0.5, 0, 0)).toBeGreaterThan(pathGainDb(p, 2, 0, 0));
    expect(pathGainDb(p, 2, 0, 0)).toBeGreaterThan(pathGainDb(p, 2, 1, 1));
    expect(pathGainDb(p, 2, 1, 1)).toBeGreaterThan(pathGainDb(p, 2, 2, 2));
    // The calibration identity: a receiver with correction c measures c dB lower; TX power adds.
    expect(meanRssiDbm(p, 1, 0, 0, -24, 5) - meanRssiDbm(p, 1, 0, 0, -24, 0)).toBeCloseTo(-5, 9);
    expect(meanRssiDbm(p, 1, 0, 0, -20, 0) - meanRssiDbm(p, 1, 0, 0, -24, 0)).toBeCloseTo(4, 9);
  });

  it('computes Φ and the moments of heard readings', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    const far = heardMoments(-60, 5, -105, 3);
    expect(far.mean).toBeCloseTo(-60, 3);
    const near = heardMoments(-105, 5, -105, 3);
    expect(near.mean).toBeGreaterThan(-105);
    expect(near.sd).toBeLessThan(5);
    expect(near.heard).toBeCloseTo(0.5, 5);
  });

  it('produces sightings only for scanning receivers and advertising transmitters, deterministically', () => {
    const handsets = {
      txPower: Float32Array.of(-24, -24, Number.NaN),
      rssiCorrection: Float32Array.of(3, 3, 0),
    };
    const scanning = Float32Array.of(10, Number.NaN, 20);
    const run = () =>
      new RadioModel(FITTED_RADIO_PARAMETERS, new Random(9)).sightings(pairs(1), scanning, handsets, 42);
    const sightings = run();
    expect(sightings.length).toBeGreaterThan(0);
    expect(sightings.every((s) => s.receiver === 0 && s.transmitter === 1)).toBe(true);
    expect(
      sightings.every((s) => Number.isInteger(s.rssi) && s.secondsInMinute >= 10 && s.secondsInMinute < 15),
    ).toBe(true);
    expect(run()).toEqual(sightings);
  });

  it('hears fewer advertisements from far and hidden phones', () => {
    const handsets = { txPower: Float32Array.of(-24, -24), rssiCorrection: Float32Array.of(3, 3) };
    const scanning = Float32Array.of(0, 0);
    const model = new RadioModel(FITTED_RADIO_PARAMETERS, new Random(1));
    const mean = (distance: number, carrying: number) => {
      const all = [];
      for (let encounter = 0; encounter < 400; encounter++) {
        all.push(...model.sightings(pairs(distance, carrying), scanning, handsets, encounter));
      }
      return { count: all.length, rssi: all.reduce((s, x) => s + x.rssi, 0) / all.length };
    };
    const near = mean(0.5, 0);
    const far = mean(5, 0);
    const pockets = mean(0.5, 1);
    expect(near.rssi).toBeGreaterThan(far.rssi + 5);
    expect(near.rssi).toBeGreaterThan(pockets.rssi + 5);
    expect(near.count).toBeGreaterThanOrEqual(far.count);
  });

  it('scans about 4 s every 210–300 s, at a random phase per phone', () => {
    const phones = Array.from({ length: 200 }, (_, i) => i);
    const schedule = new ScanSchedule(200, phones, new Random(4));
    const scans = new Array<number>(200).fill(0);
    for (let minute = 0; minute < 600; minute++) {
      for (const phone of schedule.scansIn(minute)) {
        scans[phone] = (scans[phone] ?? 0) + 1;
        const start = schedule.startSecond[phone] ?? Number.NaN;
        expect(start).toBeGreaterThanOrEqual(0);
        expect(start).toBeLessThanOrEqual(60 - DEFAULT_SCANNING.scanSeconds);
      }
    }
    const perPhone = scans.reduce((a, b) => a + b, 0) / 200;
    expect(perPhone).toBeGreaterThan(600 / 5 - 3); // mean interval 255 s → about 141 scans in 600 min
    expect(perPhone).toBeLessThan(600 / 3.5);
    expect(() => schedule.scansIn(10)).toThrow(RangeError);
  });

  it('keeps, without building objects, exactly the first heard reading of each scan', () => {
    const handsets = { txPower: Float32Array.of(-24, -24), rssiCorrection: Float32Array.of(3, 3) };
    const scanning = Float32Array.of(12, Number.NaN); // only phone 0 scans: one direction
    let emitted = 0;
    for (let seed = 0; seed < 400; seed++) {
      const distance = 1 + (seed % 40); // up to 40 m: many scans hear nothing
      const all = new RadioModel(FITTED_RADIO_PARAMETERS, new Random(seed)).sightings(
        pairs(distance),
        scanning,
        handsets,
        seed,
      );
      const first: { receiver: number; transmitter: number; rssi: number; at: number }[] = [];
      new RadioModel(FITTED_RADIO_PARAMETERS, new Random(seed)).firstReadings(
        pairs(distance),
        scanning,
        handsets,
        seed,
        (receiver, transmitter, rssi, at) => first.push({ receiver, transmitter, rssi, at }),
      );
      const earliest = all[0];
      if (earliest === undefined) expect(first).toEqual([]);
      else {
        expect(first).toEqual([
          { receiver: 0, transmitter: 1, rssi: earliest.rssi, at: earliest.secondsInMinute },
        ]);
        emitted++;
      }
    }
    expect(emitted).toBeGreaterThan(50);
    expect(emitted).toBeLessThan(400);
  });
});
