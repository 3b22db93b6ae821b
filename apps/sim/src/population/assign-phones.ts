import type { Random } from '../random/random.js';
import type { AdoptionFactors } from './options.js';
import type { PlaceProfile } from './place-profile.js';

/** Smartphones and app installs. */
export interface Phones {
  readonly phone: Int32Array;
  readonly hasApp: Uint8Array;
}

/** Chance that a person of this age owns a smartphone, before the urban factor. */
function ownership(place: PlaceProfile, age: number): number {
  const owners = place.smartphoneOwnership;
  if (age < 12) return owners.child;
  if (age < 18) return owners.teen;
  return age >= 65 ? owners.elder : owners.adult;
}

/**
 * Smartphone ownership by age (× the urban factor, at most 1), a model drawn for each phone, and the
 * app: each owner gets a weight (urban, teen, elder factors multiply), and the chance to have the app
 * is `adoption × people × weight / Σ weights` (at most 1), so that the expected share of all people
 * with the app is `adoption` whatever the factors (unless there are too few smartphones).
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
  const weight = new Float64Array(people);
  let totalWeight = 0;
  for (let i = 0; i < people; i++) {
    const years = age[i] ?? 0;
    const isUrban = urban[i] === 1;
    const chance = Math.min(
      1,
      ownership(place, years) * (isUrban ? place.smartphoneOwnership.urbanFactor : 1),
    );
    if (!random.bernoulli(chance)) continue;
    phone[i] = drawModel(random);
    weight[i] =
      (isUrban ? factors.urban : 1) * (years < 18 ? factors.teen : 1) * (years >= 65 ? factors.elder : 1);
    totalWeight += weight[i] ?? 0;
  }
  const hasApp = new Uint8Array(people);
  if (totalWeight === 0) return { phone, hasApp };
  const scale = (adoption * people) / totalWeight;
  for (let i = 0; i < people; i++) {
    if ((weight[i] ?? 0) > 0 && random.bernoulli(Math.min(1, scale * (weight[i] ?? 0)))) hasApp[i] = 1;
  }
  return { phone, hasApp };
}
