import type { Random } from '../random/random.js';

/** Index of the first adult age group (20–29) in the planner's nine decades. */
export const FIRST_ADULT_GROUP = 2;

/**
 * People with an age group (decade 0–8) living in households. Members of a household have
 * consecutive ids: household h holds people `start[h]` … `start[h + 1] − 1`.
 */
export interface HouseholdPopulation {
  readonly size: number;
  readonly ageGroup: Uint8Array;
  readonly household: Int32Array;
  readonly start: Int32Array;
}

/**
 * `people` people whose age mix is `ageShares` exactly (largest remainders) in households whose sizes
 * are drawn from `householdSizeShares` (1, 2, … people; the last draw cut to fit). Every household
 * is headed by an adult (20+) while adults last; the other places are filled from everyone left, in
 * random order.
 */
export function buildHouseholds(
  people: number,
  ageShares: readonly number[],
  householdSizeShares: readonly number[],
  random: Random,
): HouseholdPopulation {
  const sizes: number[] = [];
  for (let placed = 0; placed < people; ) {
    const size = Math.min(people - placed, 1 + random.weightedIndex(householdSizeShares));
    sizes.push(size);
    placed += size;
  }
  const ages = random.shuffle(
    exactCounts(people, ageShares).flatMap((count, group) => new Array(count).fill(group)),
  );
  const adults = ages.filter((group) => group >= FIRST_ADULT_GROUP);
  const others = ages.filter((group) => group < FIRST_ADULT_GROUP);
  const heads = adults.splice(0, Math.min(sizes.length, adults.length));
  const rest = random.shuffle([...adults, ...others]);
  const ageGroup = new Uint8Array(people);
  const household = new Int32Array(people);
  const start = new Int32Array(sizes.length + 1);
  let person = 0;
  sizes.forEach((size, h) => {
    start[h] = person;
    for (let k = 0; k < size; k++) {
      const head = k === 0 ? heads[h] : undefined;
      ageGroup[person] = head ?? (rest.pop() as number);
      household[person++] = h;
    }
  });
  start[sizes.length] = person;
  return { size: people, ageGroup, household, start };
}

/** Whole counts summing to `total`, proportional to `shares` (largest remainders). */
export function exactCounts(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((share) => (total * share) / sum);
  const counts = raw.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((value, i) => [value - Math.floor(value), i] as const).sort((x, y) => y[0] - x[0]);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
