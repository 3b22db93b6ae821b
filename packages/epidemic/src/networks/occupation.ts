import type { Random } from '../random/random.js';
import type { HouseholdPopulation } from './households.js';
import { bump } from './random-network.js';

/** The occupation networks: primary and secondary schools, work, and the two elderly networks. */
export const OCCUPATION_NETWORKS = ['primary', 'secondary', 'working', 'retired', 'elderly'] as const;

export interface OccupationOptions {
  /** Mean daily interactions on the network of children (0–19), adults (20–69), elderly (70+). */
  readonly interactions: { readonly child: number; readonly adult: number; readonly elderly: number };
  /** Share of a person's ties active on a given day (so degree = interactions / dailyFraction). */
  readonly dailyFraction: number;
  /** Watts–Strogatz rewiring probability. */
  readonly rewire: number;
  /** Adults per member on the children's and on the elderly networks. */
  readonly childNetworkAdults: number;
  readonly elderlyNetworkAdults: number;
}

/** Undirected ties (edge e joins a[e] and b[e]) and, per person, their ties (CSR: start, other, edge). */
export interface OccupationGraph {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly start: Int32Array;
  readonly other: Int32Array;
  readonly edge: Int32Array;
  /** Index in OCCUPATION_NETWORKS of each person's network. */
  readonly network: Uint8Array;
}

/**
 * One small-world network per occupation (OpenABM's construction): ages 0–9, 10–19, 20–69, 70–79
 * and 80+ each on their own network, with adults drawn from 20–69 joining the children's and elderly
 * networks; each a Watts–Strogatz ring whose degree gives the mean daily interactions once a daily
 * `dailyFraction` of ties is sampled; ties inside a household are dropped.
 */
export function buildOccupationGraph(
  population: HouseholdPopulation,
  options: OccupationOptions,
  random: Random,
): OccupationGraph {
  const network = new Uint8Array(population.size);
  const byNetwork: number[][] = OCCUPATION_NETWORKS.map(() => []);
  const adults: number[] = [];
  for (let person = 0; person < population.size; person++) {
    const group = population.ageGroup[person] as number;
    const n = group === 0 ? 0 : group === 1 ? 1 : group === 7 ? 3 : group === 8 ? 4 : 2;
    if (n === 2) adults.push(person);
    else byNetwork[n]?.push(person);
  }
  random.shuffle(adults);
  for (const n of [0, 1, 3, 4]) {
    const ratio = n < 2 ? options.childNetworkAdults : options.elderlyNetworkAdults;
    const wanted = Math.min(adults.length, Math.round(ratio * (byNetwork[n]?.length ?? 0)));
    byNetwork[n]?.push(...adults.splice(0, wanted));
  }
  byNetwork[2] = adults;
  const a: number[] = [];
  const b: number[] = [];
  byNetwork.forEach((members, n) => {
    for (const person of members) network[person] = n;
    const mean =
      n < 2
        ? options.interactions.child
        : n === 2
          ? options.interactions.adult
          : options.interactions.elderly;
    const degree = 2 * Math.round(mean / Math.max(options.dailyFraction, 1e-9) / 2);
    smallWorld(random.shuffle(members), degree, options.rewire, random, (p, q) => {
      if (population.household[p] === population.household[q]) return;
      a.push(p);
      b.push(q);
    });
  });
  return { a: Int32Array.from(a), b: Int32Array.from(b), ...adjacency(population.size, a, b), network };
}

/** A Watts–Strogatz ring over `members`: each linked to `degree / 2` next ones, each tie rewired with `rewire`. */
function smallWorld(
  members: readonly number[],
  degree: number,
  rewire: number,
  random: Random,
  tie: (p: number, q: number) => void,
): void {
  const n = members.length;
  const half = Math.min(degree / 2, Math.floor((n - 1) / 2));
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= half; j++) {
      let k = (i + j) % n;
      if (random.next() < rewire) {
        do k = random.integer(0, n - 1);
        while (k === i);
      }
      tie(members[i] as number, members[k] as number);
    }
  }
}

/** Per-person lists of (other end, edge id) of undirected edges. */
export function adjacency(size: number, a: ArrayLike<number>, b: ArrayLike<number>) {
  const start = new Int32Array(size + 1);
  for (let e = 0; e < a.length; e++) {
    bump(start, (a[e] as number) + 1);
    bump(start, (b[e] as number) + 1);
  }
  for (let p = 0; p < size; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const fill = start.slice(0, size);
  const other = new Int32Array(2 * a.length);
  const edge = new Int32Array(2 * a.length);
  for (let e = 0; e < a.length; e++) {
    const p = a[e] as number;
    const q = b[e] as number;
    const at = fill[p] as number;
    other[at] = q;
    edge[at] = e;
    fill[p] = at + 1;
    const back = fill[q] as number;
    other[back] = p;
    edge[back] = e;
    fill[q] = back + 1;
  }
  return { start, other, edge };
}
