import type { PlaceProfile, Random } from '@bluezone/epidemic';
import type { AdoptionFactors } from './options.js';

/** Smartphones and app installs. */
export interface Phones {
  readonly phone: Int32Array;
  readonly hasApp: Uint8Array;
  /** People given a smartphone because the app's share was above the smartphone owners' share. */
  readonly phonesAdded: number;
}

/** Chance that a person of this age owns a smartphone, before the urban factor. */
function ownership(place: PlaceProfile, age: number): number {
  const owners = place.smartphoneOwnership;
  if (age < 12) return owners.child;
  if (age < 18) return owners.teen;
  return age >= 65 ? owners.elder : owners.adult;
}

/** Weight of a person for the app among smartphone owners: the urban, teen and elder factors multiply. */
function appWeight(factors: AdoptionFactors, years: number, isUrban: boolean): number {
  return (isUrban ? factors.urban : 1) * (years < 18 ? factors.teen : 1) * (years >= 65 ? factors.elder : 1);
}

/**
 * The `count` people of `candidates` drawn without replacement, each in proportion to its weight
 * (Efraimidis–Spirakis: the largest keys log(u) / weight). Weights must be positive.
 */
function drawWeighted(
  random: Random,
  candidates: readonly number[],
  weight: (person: number) => number,
  count: number,
) {
  if (count <= 0) return [];
  const keyed = candidates.map((person) => ({ person, key: Math.log(1 - random.next()) / weight(person) }));
  keyed.sort((a, b) => b.key - a.key || a.person - b.person);
  return keyed.slice(0, count).map((k) => k.person);
}

/**
 * Smartphone ownership by age (× the urban factor, at most 1), a model drawn for each phone, and the
 * app. **`adoption` is the share of all people with the app** (as `bluezone plan --adoption`):
 * exactly `round(adoption × people)` people get it. They are drawn among smartphone owners, each in
 * proportion to its weight (urban, teen, elder factors multiply). When there are fewer owners than
 * that, every owner has the app and people without a smartphone get one with the app, those likeliest
 * to own one first (children last); `phonesAdded` counts them.
 */
export function assignPhones(
  random: Random,
  place: PlaceProfile,
  age: Uint8Array,
  urban: Uint8Array,
  adoption: number,
  factors: AdoptionFactors,
  drawModel: (random: Random) => number,
): Phones {
  const people = age.length;
  const phone = new Int32Array(people).fill(-1);
  const chance = new Float64Array(people);
  const owners: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < people; i++) {
    const isUrban = urban[i] === 1;
    chance[i] = Math.min(
      1,
      ownership(place, age[i] ?? 0) * (isUrban ? place.smartphoneOwnership.urbanFactor : 1),
    );
    if (random.bernoulli(chance[i] ?? 0)) {
      phone[i] = drawModel(random);
      owners.push(i);
    } else others.push(i);
  }
  const weight = (person: number) =>
    Math.max(1e-9, appWeight(factors, age[person] ?? 0, urban[person] === 1));
  const target = Math.min(people, Math.round(adoption * people));
  const withApp = drawWeighted(random, owners, weight, target);
  const added = drawWeighted(
    random,
    others,
    (p) => Math.max(1e-6, chance[p] ?? 0) * weight(p),
    target - withApp.length,
  );
  for (const person of added) phone[person] = drawModel(random);
  const hasApp = new Uint8Array(people);
  for (const person of [...withApp, ...added]) hasApp[person] = 1;
  return { phone, hasApp, phonesAdded: added.length };
}
