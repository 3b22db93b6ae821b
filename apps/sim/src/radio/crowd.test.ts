import { Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { bodiesBetween } from './crowd.js';
import { FITTED_RADIO_PARAMETERS } from './fitted-radio.js';
import { type ClosePairs, RadioModel } from './radio-model.js';

describe('bodies in the way', () => {
  it('are Poisson with mean density × distance × body width, and the same when asked again', () => {
    let total = 0;
    for (let encounter = 0; encounter < 20_000; encounter++) total += bodiesBetween(7, 1, 2, encounter, 1.4);
    expect(total / 20_000).toBeCloseTo(1.4, 1);
    expect(bodiesBetween(7, 1, 2, 3, 1.4)).toBe(bodiesBetween(7, 2, 1, 3, 1.4));
    expect(bodiesBetween(7, 1, 2, 3, 0)).toBe(0);
  });

  it('make a crowded bus quieter than an empty room at the same distance', () => {
    const handsets = { txPower: Float32Array.of(-24, -24), rssiCorrection: Float32Array.of(3, 3) };
    const pairs = (density: number): ClosePairs => ({
      count: 1,
      a: Int32Array.of(0),
      b: Int32Array.of(1),
      distanceM: Float32Array.of(2),
      carryingA: Uint8Array.of(0),
      carryingB: Uint8Array.of(0),
      crowdDensity: Float32Array.of(density),
    });
    const meanRssi = (density: number) => {
      const model = new RadioModel(FITTED_RADIO_PARAMETERS, new Random(3));
      let sum = 0;
      let n = 0;
      for (let encounter = 0; encounter < 2000; encounter++) {
        for (const sighting of model.sightings(pairs(density), Float32Array.of(0, 0), handsets, encounter)) {
          sum += sighting.rssi;
          n++;
        }
      }
      return sum / n;
    };
    expect(meanRssi(0)).toBeGreaterThan(meanRssi(1.6) + 3);
  });
});
