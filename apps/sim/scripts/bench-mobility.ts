/**
 * Measures the world model: builds a population and simulates days, counting close pairs and true
 * close contacts; with `radio`, also scans and sightings of every minute.
 * Usage: npx tsx apps/sim/scripts/bench-mobility.ts [people=10000] [days=1] [radio]
 */

import { Random } from '@bluezone/epidemic';
import { CloseContactCounter, DEFAULT_MOBILITY_OPTIONS, Mobility } from '../src/mobility/index.js';
import { buildPopulation, populationOptions } from '../src/population/index.js';
import {
  appPairs,
  FITTED_RADIO_PARAMETERS,
  handsetsOf,
  RadioModel,
  ScanSchedule,
} from '../src/radio/index.js';

const people = Number(process.argv[2] ?? 10_000);
const days = Number(process.argv[3] ?? 1);
const withRadio = process.argv[4] === 'radio';
const seed = new Random(2020);
const builtAt = performance.now();
const population = buildPopulation(seed.fork('population'), populationOptions({ people }));
const startedAt = performance.now();
const mobility = new Mobility(population, DEFAULT_MOBILITY_OPTIONS, seed.fork('mobility'));
const counter = new CloseContactCounter();
const handsets = handsetsOf(population);
const phones = [...population.hasApp.keys()].filter((person) => population.hasApp[person] === 1);
const schedule = new ScanSchedule(people, phones, seed.fork('scanning'));
const radio = new RadioModel(FITTED_RADIO_PARAMETERS, seed.fork('radio'));
let pairSteps = 0;
let closeContacts = 0;
let sightings = 0;
for (let day = 0; day < days; day++) {
  mobility.simulateDay(day, (batch) => {
    pairSteps += batch.count;
    counter.add(batch);
    if (!withRadio) return;
    const pairs = appPairs(batch, handsets);
    const encounter = day * 1440 + batch.startMinute;
    for (let minute = 0; minute < batch.minutes; minute++) {
      schedule.scansIn(encounter + minute);
      sightings += radio.sightings(pairs, schedule.startSecond, handsets, encounter).length;
    }
  });
  closeContacts += counter.contacts().length;
  counter.clear();
}
const seconds = (performance.now() - startedAt) / 1000;
console.log(
  JSON.stringify(
    {
      people,
      days,
      populationSeconds: Number(((startedAt - builtAt) / 1000).toFixed(2)),
      mobilitySeconds: Number(seconds.toFixed(2)),
      peopleDaysPerSecond: Math.round((people * days) / seconds),
      closePairStepsPerDay: Math.round(pairSteps / days),
      trueCloseContactsPerDay: Math.round(closeContacts / days),
      ...(withRadio ? { appUsers: phones.length, sightingsPerDay: Math.round(sightings / days) } : {}),
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    },
    null,
    2,
  ),
);
