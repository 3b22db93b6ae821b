import { DEFAULT_EPIDEMIC, Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { Mobility } from '../mobility/mobility.js';
import { DEFAULT_MOBILITY_OPTIONS } from '../mobility/options.js';
import { buildPopulation } from '../population/build-population.js';
import { populationOptions } from '../population/options.js';
import { Epidemic } from './epidemic.js';

/**
 * The calibration of `hazardPerMinute`: index cases seeded on a Monday in a fully susceptible
 * district, the real mobility model for 12 days (the infectious period ends before 10.3 days), no
 * isolation; R0 is the mean number of people each index case infected.
 */
function measure(seed: number, people: number, indexCases: number) {
  const random = new Random(seed);
  const population = buildPopulation(random.fork('population'), populationOptions({ people }));
  const mobility = new Mobility(population, DEFAULT_MOBILITY_OPTIONS, random.fork('mobility'));
  const epidemic = new Epidemic(people, DEFAULT_EPIDEMIC, random.fork('epidemic'));
  const index = epidemic.seedRandom(indexCases, 0);
  let epidemicMs = 0;
  for (let day = 0; day < 12; day++) {
    mobility.simulateDay(day, (batch) => {
      const start = performance.now();
      epidemic.expose(batch);
      epidemicMs += performance.now() - start;
    });
    epidemic.endDay(day);
  }
  const isIndex = new Set(index);
  let secondary = 0;
  let inHousehold = 0;
  const generation: number[] = [];
  const serial: number[] = [];
  for (const person of epidemic.infectedPeople()) {
    const infector = epidemic.infector(person);
    if (infector === null || !isIndex.has(infector)) continue;
    secondary++;
    if (population.home[person] === population.home[infector]) inHousehold++;
    generation.push(
      ((epidemic.infectedAtMinute(person) ?? 0) - (epidemic.infectedAtMinute(infector) ?? 0)) / 1440,
    );
    const onset = epidemic.symptomOnsetDay(person);
    const infectorOnset = epidemic.symptomOnsetDay(infector);
    if (onset !== null && infectorOnset !== null) serial.push(onset - infectorOnset);
  }
  let householdMembers = 0;
  for (const infector of index) {
    for (let person = 0; person < people; person++) {
      if (person !== infector && population.home[person] === population.home[infector]) householdMembers++;
    }
  }
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    r0: secondary / index.length,
    generationDays: mean(generation),
    serialDays: mean(serial),
    householdShare: inHousehold / secondary,
    householdAttackRate: inHousehold / householdMembers,
    epidemicMs,
  };
}

describe('epidemic calibration on the real mobility model', () => {
  it('gives R0 ≈ 2–2.5, a generation time near 4–5 days and a serial interval near 4–5 days', () => {
    const result = measure(21, 6000, 150);
    console.log(
      `R0 ${result.r0.toFixed(2)}, generation time ${result.generationDays.toFixed(2)} d, serial interval ${result.serialDays.toFixed(2)} d, ` +
        `household: ${(100 * result.householdShare).toFixed(0)} % of transmission, attack rate ${(100 * result.householdAttackRate).toFixed(0)} %; ` +
        `epidemic ${result.epidemicMs.toFixed(0)} ms`,
    );
    // Ferretti et al. 2020: R0 = 2.0 (Wuhan, early 2020); other early estimates 2.2–2.7. The band
    // holds the sampling error of 150 index cases (sd of offspring ≈ 3, so se ≈ 0.25).
    expect(result.r0).toBeGreaterThan(1.6);
    expect(result.r0).toBeLessThan(3.0);
    // The network shortens the intrinsic 5.0-day generation time (household members are infected early).
    expect(result.generationDays).toBeGreaterThan(3.5);
    expect(result.generationDays).toBeLessThan(5.3);
    // Reported serial intervals: 4.0 days (Nishiura et al. 2020), 4.4 (Zhao et al. 2020).
    expect(result.serialDays).toBeGreaterThan(3);
    expect(result.serialDays).toBeLessThan(6);
    expect(result.householdShare).toBeGreaterThan(0.15);
    expect(result.householdShare).toBeLessThan(0.7);
  }, 600_000);
});
