import type { Random } from '../random/random.js';
import { edgeCoin } from './edge-coin.js';
import { buildHouseholds, type HouseholdPopulation } from './households.js';
import { buildOccupationGraph, type OccupationGraph, type OccupationOptions } from './occupation.js';
import type { RandomDay } from './random-network.js';

/** The three interaction networks, in the order of `relativeTransmission`. */
export const HOUSEHOLD = 0;
export const OCCUPATION = 1;
export const RANDOM = 2;

/** Whether a person interacts on a day: everyone, the household only, or no one. */
export const PRESENT = 0;
export const HOME_ONLY = 1;
export const AWAY = 2;

/** Age type of a decade for interaction counts: 0 child (0–19), 1 adult (20–69), 2 elderly (70+). */
export function ageType(group: number): 0 | 1 | 2 {
  return group < 2 ? 0 : group < 7 ? 1 : 2;
}

export interface ContactNetworkOptions extends OccupationOptions {
  readonly ageShares: readonly number[];
  readonly householdSizeShares: readonly number[];
  /** Mean and sd of daily random interactions by age type (child, adult, elderly). */
  readonly randomInteractions: readonly { readonly mean: number; readonly sd: number }[];
}

/** One day as the networks saw it: who was present where, and the day's random pairs. */
export interface NetworkDay {
  readonly day: number;
  readonly presence: Uint8Array;
  readonly random: RandomDay;
}

/**
 * The planner's contact layer: households, occupation networks and each person's daily number of
 * random interactions, built once; the district simulator's counterpart is mobility + radio.
 */
export class ContactNetworks {
  readonly population: HouseholdPopulation;
  readonly occupation: OccupationGraph;
  readonly randomCounts: Uint8Array;
  /** Mean daily interactions by age type, over everyone, with no intervention. */
  readonly meanInteractions: readonly [number, number, number];

  constructor(
    people: number,
    readonly options: ContactNetworkOptions,
    random: Random,
    /** Key of the hashed daily coins (ties active on a day). */
    readonly coinKey: number,
  ) {
    const o = options;
    this.population = buildHouseholds(people, o.ageShares, o.householdSizeShares, random.fork('households'));
    this.occupation = buildOccupationGraph(this.population, o, random.fork('occupation'));
    const counts = random.fork('random-counts');
    this.randomCounts = new Uint8Array(people);
    const sums = [0, 0, 0];
    const members = [0, 0, 0];
    const { start } = this.population;
    for (let p = 0; p < people; p++) {
      const type = ageType(this.population.ageGroup[p] as number);
      const r = o.randomInteractions[type] ?? { mean: 0, sd: 0 };
      this.randomCounts[p] = Math.min(255, counts.negativeBinomial(r.mean, r.sd));
      const h = this.population.household[p] as number;
      const household = (start[h + 1] as number) - (start[h] as number) - 1;
      const work =
        ((this.occupation.start[p + 1] as number) - (this.occupation.start[p] as number)) * o.dailyFraction;
      sums[type] = (sums[type] ?? 0) + household + work + (this.randomCounts[p] as number);
      members[type] = (members[type] ?? 0) + 1;
    }
    this.meanInteractions = [0, 1, 2].map((t) => (members[t] ? (sums[t] ?? 0) / (members[t] ?? 1) : 1)) as [
      number,
      number,
      number,
    ];
  }

  /** True when the occupation tie `edge` is active on `day`. */
  workTieActive(edge: number, day: number): boolean {
    return edgeCoin(this.coinKey, edge, -1, day) < this.options.dailyFraction;
  }

  /**
   * Calls `visit(other, network)` for every interaction `person` had on `record`'s day: household
   * members (neither away), active occupation ties (both present), the day's random pairs.
   */
  forEachInteraction(
    person: number,
    record: NetworkDay,
    visit: (other: number, network: number) => void,
  ): void {
    const { presence, day } = record;
    const mine = presence[person] as number;
    if (mine === AWAY) return;
    const { start, household } = this.population;
    const h = household[person] as number;
    for (let q = start[h] as number; q < (start[h + 1] as number); q++)
      if (q !== person && presence[q] !== AWAY) visit(q, HOUSEHOLD);
    if (mine !== PRESENT) return;
    const g = this.occupation;
    for (let k = g.start[person] as number; k < (g.start[person + 1] as number); k++) {
      const q = g.other[k] as number;
      if (presence[q] === PRESENT && this.workTieActive(g.edge[k] as number, day)) visit(q, OCCUPATION);
    }
    const r = record.random;
    for (let k = r.start[person] as number; k < (r.start[person + 1] as number); k++)
      visit(r.other[k] as number, RANDOM);
  }
}
