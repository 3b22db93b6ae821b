import type { Random } from '@bluezone/epidemic';
import type { Population } from '../population/population.js';
import type { MobilityOptions } from './options.js';

/** Nowhere to meet anyone: on the road alone (motorbike, bicycle, on foot). */
export const TRAVELLING = -1;

/**
 * A day's moves, grouped by step (CSR form): the moves of step s are at indexes
 * `start[s] … start[s + 1] − 1` of `person` and `place`. Everyone is at home at minute 0.
 */
export interface DayPlan {
  readonly steps: number;
  readonly start: Int32Array;
  readonly person: Int32Array;
  readonly place: Int32Array;
}

const HOUR = 60;

/** Collects moves (minute, person, place) and sorts them into a DayPlan by step. */
class MoveList {
  readonly minutes: number[] = [];
  readonly people: number[] = [];
  readonly places: number[] = [];
  add(minute: number, person: number, place: number): void {
    this.minutes.push(minute);
    this.people.push(person);
    this.places.push(place);
  }
  build(stepMinutes: number): DayPlan {
    const steps = 1440 / stepMinutes;
    const stepOf = (minute: number) => Math.min(steps - 1, Math.max(0, Math.round(minute / stepMinutes)));
    const start = new Int32Array(steps + 1);
    for (const minute of this.minutes) {
      const next = stepOf(minute) + 1;
      start[next] = (start[next] ?? 0) + 1;
    }
    for (let s = 0; s < steps; s++) start[s + 1] = (start[s + 1] ?? 0) + (start[s] ?? 0);
    const cursor = start.slice(0, steps);
    const person = new Int32Array(this.minutes.length);
    const place = new Int32Array(this.minutes.length);
    // Stable: a person's moves keep their order within a step, so the last one wins.
    this.minutes.forEach((minute, i) => {
      const s = stepOf(minute);
      const at = cursor[s] ?? 0;
      cursor[s] = at + 1;
      person[at] = this.people[i] ?? 0;
      place[at] = this.places[i] ?? 0;
    });
    return { steps, start, person, place };
  }
}

/**
 * Plans one day (`day` 0 is a Monday). Weekdays: pupils and workers leave home between 6:30 and
 * 8:00, ride their bus (30 min) or travel alone, stay until 16:30–18:00, come back the same way.
 * Every day a household sends a member to its market (morning 6:00–9:30 if someone stays home,
 * else 18:30–19:30, after work) for 30–75 min, with the options' probability; on weekends a second member may
 * come along. Everyone is home at night.
 */
export function planDay(
  population: Population,
  day: number,
  random: Random,
  options: MobilityOptions,
): DayPlan {
  const moves = new MoveList();
  const weekday = day % 7 < 5;
  const go = (person: number, leave: number, place: number, back: number): void => {
    const bus = population.bus[person] ?? -1;
    const home = population.home[person] ?? 0;
    moves.add(leave, person, bus >= 0 ? bus : TRAVELLING);
    moves.add(leave + 30, person, place);
    moves.add(back, person, bus >= 0 ? bus : TRAVELLING);
    moves.add(back + 30, person, home);
  };
  if (weekday) {
    for (let person = 0; person < population.size; person++) {
      const place = population.daytimePlace[person] ?? -1;
      if (place < 0) continue;
      const pupil = population.occupation[person] === 1;
      const leave = 6.5 * HOUR + random.integer(0, pupil ? 30 : 90);
      const back = 16.5 * HOUR + random.integer(0, pupil ? 30 : 90);
      go(person, leave, place, back);
    }
  }
  planMarketVisits(population, weekday, random, options, moves);
  return moves.build(options.stepMinutes);
}

/**
 * One market trip per household (with the options' probability), two people sometimes on weekends.
 * Relies on household members being consecutive people (as buildHouseholds makes them).
 */
function planMarketVisits(
  population: Population,
  weekday: boolean,
  random: Random,
  options: MobilityOptions,
  moves: MoveList,
): void {
  const chance = weekday ? options.marketVisit.weekday : options.marketVisit.weekend;
  let first = 0;
  while (first < population.size) {
    const home = population.home[first] ?? 0;
    let end = first;
    while (end < population.size && population.home[end] === home) end++;
    if (random.bernoulli(chance)) {
      const adults: number[] = [];
      for (let person = first; person < end; person++)
        if ((population.age[person] ?? 0) >= 15) adults.push(person);
      const free = adults.filter((person) => !weekday || (population.daytimePlace[person] ?? -1) < 0);
      const shopper =
        free.length > 0 ? random.choice(free) : adults.length > 0 ? random.choice(adults) : first;
      const morning = free.length > 0;
      const arrive = (morning ? 6 * HOUR + random.integer(0, 210) : 18.5 * HOUR + random.integer(0, 60)) | 0;
      const leave = arrive + random.integer(30, 75);
      const market = population.market[shopper] ?? 0;
      const companion =
        !weekday && end - first > 1 && random.bernoulli(0.3) ? random.integer(first, end - 1) : -1;
      for (const person of companion >= 0 && companion !== shopper ? [shopper, companion] : [shopper]) {
        moves.add(arrive - 10, person, TRAVELLING);
        moves.add(arrive, person, market);
        moves.add(leave, person, TRAVELLING);
        moves.add(leave + 10, person, home);
      }
    }
    first = end;
  }
}
