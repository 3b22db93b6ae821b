import { Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { Mobility } from './mobility/mobility.js';
import { DEFAULT_MOBILITY_OPTIONS } from './mobility/options.js';
import { buildPopulation } from './population/build-population.js';
import { populationOptions } from './population/options.js';
import { appPairs } from './radio/app-pairs.js';
import { FITTED_RADIO_PARAMETERS } from './radio/fitted-radio.js';
import { handsetsOf } from './radio/handsets.js';
import { RadioModel, type Sighting } from './radio/radio-model.js';
import { ScanSchedule } from './radio/scan-schedule.js';

/** A day of a small district, from seed to sightings, as the simulator loop will run it. */
function day(seed: number): Sighting[] {
  const root = new Random(seed);
  const population = buildPopulation(
    root.fork('population'),
    populationOptions({ people: 400, adoption: 0.5 }),
  );
  const handsets = handsetsOf(population);
  const phones = [...population.hasApp.keys()].filter((person) => population.hasApp[person] === 1);
  const schedule = new ScanSchedule(population.size, phones, root.fork('scanning'));
  const radio = new RadioModel(FITTED_RADIO_PARAMETERS, root.fork('radio'));
  const sightings: Sighting[] = [];
  new Mobility(population, DEFAULT_MOBILITY_OPTIONS, root.fork('mobility')).simulateDay(0, (batch) => {
    const pairs = appPairs(batch, handsets);
    for (let minute = 0; minute < batch.minutes; minute++) {
      schedule.scansIn(batch.startMinute + minute);
      sightings.push(...radio.sightings(pairs, schedule.startSecond, handsets, batch.startMinute));
    }
  });
  return sightings;
}

describe('the world model', () => {
  it('gives the same sightings for the same seed, other ones for another seed', () => {
    const first = day(1);
    const fingerprint = (sightings: Sighting[]) =>
      sightings.reduce(
        (sum, s, i) =>
          (sum + (i + 1) * (s.receiver * 7 + s.transmitter * 13 + s.rssi + s.secondsInMinute)) % 1e12,
        0,
      );
    expect(first.length).toBeGreaterThan(1000);
    const again = day(1);
    expect(again.length).toBe(first.length);
    expect(fingerprint(again)).toBe(fingerprint(first));
    expect(fingerprint(day(2))).not.toBe(fingerprint(first));
    for (const sighting of first.slice(0, 2000)) {
      expect(sighting.rssi).toBeLessThan(-20);
      expect(sighting.rssi).toBeGreaterThan(-130);
    }
  });
});
