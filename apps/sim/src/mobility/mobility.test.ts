import { Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { buildPopulation } from '../population/build-population.js';
import { populationOptions } from '../population/options.js';
import { placeKind } from '../population/places.js';
import { CloseContactCounter } from './close-contacts.js';
import { planDay } from './day-plan.js';
import { Mobility } from './mobility.js';
import { DEFAULT_MOBILITY_OPTIONS, validateMobilityOptions } from './options.js';

const population = buildPopulation(new Random(3).fork('population'), populationOptions({ people: 3000 }));

/** Runs a day and returns a fingerprint of its steps and the day's close contacts. */
function runDay(day: number, seed = 3) {
  const mobility = new Mobility(population, DEFAULT_MOBILITY_OPTIONS, new Random(seed).fork('mobility'));
  const counter = new CloseContactCounter();
  const kindsAtTen = new Map<string, number>();
  let pairSteps = 0;
  let checksum = 0;
  let farthest = 0;
  mobility.simulateDay(day, (batch) => {
    counter.add(batch);
    pairSteps += batch.count;
    for (let i = 0; i < batch.count; i++) {
      farthest = Math.max(farthest, batch.distanceM[i] ?? 0);
      checksum = (checksum + (batch.a[i] ?? 0) * 31 + (batch.distanceM[i] ?? 0)) % 1e9;
      if (batch.startMinute === 600) {
        const kind = placeKind(population.places, batch.place[i] ?? 0);
        kindsAtTen.set(kind, (kindsAtTen.get(kind) ?? 0) + 1);
      }
    }
  });
  return { pairSteps, farthest, checksum, contacts: counter.contacts(), kindsAtTen };
}

describe('Mobility', () => {
  const monday = runDay(0);

  it('is deterministic for a seed and changes with it', () => {
    const again = runDay(0);
    expect(again.checksum).toBe(monday.checksum);
    expect(monday.farthest).toBeLessThanOrEqual(5);
    expect(monday.pairSteps).toBeGreaterThan(0);
    expect(again.contacts).toEqual(monday.contacts);
    expect(runDay(0, 4).checksum).not.toBe(monday.checksum);
  });

  it('meets at work and school on weekdays, at home and the market on weekends', () => {
    expect(monday.kindsAtTen.get('workplace')).toBeGreaterThan(0);
    expect(monday.kindsAtTen.get('classroom')).toBeGreaterThan(0);
    const sunday = runDay(6);
    expect(sunday.kindsAtTen.get('workplace') ?? 0).toBe(0);
    expect(sunday.kindsAtTen.get('classroom') ?? 0).toBe(0);
    expect(sunday.kindsAtTen.get('home')).toBeGreaterThan(0);
  });

  it('counts true close contacts (≥ 15 min within 2 m) in plausible numbers', () => {
    const perPerson = (2 * monday.contacts.length) / population.size;
    expect(perPerson).toBeGreaterThan(3);
    expect(perPerson).toBeLessThan(30);
    for (const contact of monday.contacts) {
      expect(contact.minutes).toBeGreaterThanOrEqual(15);
      expect(contact.a).toBeLessThan(contact.b);
    }
    // Household members are close contacts of each other on most days.
    const household = monday.contacts.filter((c) => population.home[c.a] === population.home[c.b]).length;
    expect(household / monday.contacts.length).toBeGreaterThan(0.1);
  });

  it('plans moves within the day and checks its options', () => {
    const plan = planDay(population, 0, new Random(1), DEFAULT_MOBILITY_OPTIONS);
    expect(plan.start.length).toBe(plan.steps + 1);
    expect(plan.start[plan.steps]).toBe(plan.person.length);
    expect(
      validateMobilityOptions({ ...DEFAULT_MOBILITY_OPTIONS, stepMinutes: 7, closeRangeM: -1 }),
    ).toHaveLength(2);
  });
});
