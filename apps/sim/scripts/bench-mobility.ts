/**
 * Measures the mobility model: builds a population and simulates days, counting close pairs and
 * true close contacts. Usage: npx tsx apps/sim/scripts/bench-mobility.ts [people=10000] [days=1]
 */
import { CloseContactCounter, DEFAULT_MOBILITY_OPTIONS, Mobility } from '../src/mobility/index.js';
import { buildPopulation, populationOptions } from '../src/population/index.js';
import { Random } from '../src/random/index.js';

const people = Number(process.argv[2] ?? 10_000);
const days = Number(process.argv[3] ?? 1);
const seed = new Random(2020);
const builtAt = performance.now();
const population = buildPopulation(seed.fork('population'), populationOptions({ people }));
const startedAt = performance.now();
const mobility = new Mobility(population, DEFAULT_MOBILITY_OPTIONS, seed.fork('mobility'));
const counter = new CloseContactCounter(people);
let pairSteps = 0;
let closeContacts = 0;
for (let day = 0; day < days; day++) {
  mobility.simulateDay(day, (batch) => {
    pairSteps += batch.count;
    counter.add(batch);
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
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    },
    null,
    2,
  ),
);
