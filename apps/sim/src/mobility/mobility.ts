import type { Random } from '@bluezone/epidemic';
import { mix32 } from '@bluezone/epidemic';
import { PLACE_KINDS, type PlaceKind } from '../population/places.js';
import type { Population } from '../population/population.js';
import { findClosePairs } from './close-pairs.js';
import { ContactBatch } from './contact-batch.js';
import { planDay, TRAVELLING } from './day-plan.js';
import { Occupancy } from './occupancy.js';
import { type MobilityOptions, validateMobilityOptions } from './options.js';

/**
 * Who is where, step by step, and the true distance of every close pair. Pure: the population,
 * options and random stream are passed in; each day draws from its own forks (`plan/<day>`,
 * `positions/<day>`), so days can be replayed. People are placed uniformly in a square of the
 * place's floor area (workers around their team's spot), and move within it between steps with the
 * options' probability; their carrying position is drawn when they arrive.
 */
export class Mobility {
  private readonly occupancy: Occupancy;
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private readonly carrying: Uint8Array;
  private readonly batch = new ContactBatch();
  private readonly kinds: readonly PlaceKind[];

  constructor(
    private readonly population: Population,
    private readonly options: MobilityOptions,
    private readonly random: Random,
  ) {
    const problems = validateMobilityOptions(options);
    if (problems.length > 0) throw new RangeError(`invalid mobility options:\n- ${problems.join('\n- ')}`);
    this.occupancy = new Occupancy(population.size, population.places.count);
    this.x = new Float32Array(population.size);
    this.y = new Float32Array(population.size);
    this.carrying = new Uint8Array(population.size);
    this.kinds = Array.from(population.places.kind, (kind) => PLACE_KINDS[kind] ?? 'home');
  }

  /**
   * Simulates day `day` (0 = a Monday), calling `onStep` once per step with that step's close pairs
   * (the batch is reused: copy what you keep). Everyone starts the day at home.
   */
  simulateDay(day: number, onStep: (batch: ContactBatch) => void): void {
    const { population, options, occupancy } = this;
    const plan = planDay(population, day, this.random.fork(`plan/${day}`), options);
    const random = this.random.fork(`positions/${day}`);
    for (let person = 0; person < population.size; person++)
      this.arrive(person, population.home[person] ?? 0, random);
    for (let step = 0; step < plan.steps; step++) {
      for (let i = plan.start[step] ?? 0; i < (plan.start[step + 1] ?? 0); i++) {
        this.arrive(plan.person[i] ?? 0, plan.place[i] ?? TRAVELLING, random);
      }
      this.batch.reset(day, step * options.stepMinutes, options.stepMinutes);
      for (const place of occupancy.crowdedPlaces()) {
        const occupants = occupancy.occupants(place);
        const move = options.moveProbability[this.kinds[place] ?? 'home'];
        for (const person of occupants)
          if (move > 0 && random.next() < move) this.placeAt(person, place, random);
        const density = occupants.length / (population.places.areaM2[place] ?? 25);
        findClosePairs(
          occupants,
          place,
          this.x,
          this.y,
          this.carrying,
          options.closeRangeM,
          this.batch,
          density,
        );
      }
      onStep(this.batch);
    }
  }

  /** Moves `person` to `place` (or TRAVELLING) with a fresh spot and carrying position. */
  private arrive(person: number, place: number, random: Random): void {
    if (this.occupancy.placeOf(person) === place) return;
    this.occupancy.move(person, place);
    if (place === TRAVELLING) return;
    this.placeAt(person, place, random);
    const weights = this.options.carrying[this.kinds[place] ?? 'home'];
    this.carrying[person] = random.weightedIndex(weights);
  }

  /** Draws a spot for `person` in `place`: uniform, or around the team's spot at a workplace. */
  private placeAt(person: number, place: number, random: Random): void {
    const side = Math.sqrt(this.population.places.areaM2[place] ?? 25);
    if (this.kinds[place] === 'workplace' && side > 2 * this.options.teamSpreadM) {
      const teams = Math.max(1, Math.round((side * side) / 8 / this.options.teamSize));
      const team = mix32(person) % teams;
      const spot = mix32(place * 7919 + team);
      const cx = ((spot & 0xffff) / 65_536) * side;
      const cy = ((spot >>> 16) / 65_536) * side;
      this.x[person] = clamp(random.normal(cx, this.options.teamSpreadM), side);
      this.y[person] = clamp(random.normal(cy, this.options.teamSpreadM), side);
      return;
    }
    this.x[person] = random.next() * side;
    this.y[person] = random.next() * side;
  }
}

const clamp = (value: number, side: number): number => Math.min(side, Math.max(0, value));
