import type { PlaceProfile, Random } from '@bluezone/epidemic';
import { PLACE_AREA_M2, type PlaceRegistry } from './places.js';

/** People grouped into households and communes, with ages. */
export interface Households {
  readonly age: Uint8Array;
  readonly urban: Uint8Array;
  readonly commune: Int32Array;
  readonly home: Int32Array;
  readonly households: number;
  readonly communes: number;
}

const ADULT_FROM = 18;

/**
 * Band weights for heads of household (adults only) and for the other members, chosen so that the
 * whole population still has the profile's age structure: heads are 1 / (mean household size) of
 * all people, so the other members' adult bands are reduced by what the heads already take.
 */
function ageWeights(place: PlaceProfile): { heads: number[]; others: number[] } {
  const sizes = place.householdSizeShares;
  const meanSize = sizes.reduce((sum, share, index) => sum + share * (index + 1), 0);
  const headShare = 1 / meanSize;
  const adult = place.ageBands.filter((band) => band.from >= ADULT_FROM).reduce((sum, b) => sum + b.share, 0);
  const heads = place.ageBands.map((band) => (band.from >= ADULT_FROM ? band.share : 0));
  const others = place.ageBands.map((band) =>
    band.from >= ADULT_FROM ? Math.max(0, band.share * (1 - headShare / adult)) : band.share,
  );
  return { heads, others };
}

/** Draws an age from the bands with these weights (uniform within a band). */
function drawAge(random: Random, place: PlaceProfile, weights: readonly number[]): number {
  const band = place.ageBands[random.weightedIndex(weights)];
  return band ? random.integer(band.from, band.to) : 30;
}

/**
 * Households of sizes drawn from the profile (the last bucket means "that many"), each urban with the
 * profile's urban share, headed by an adult (the age structure is kept, see ageWeights); urban and rural households fill separate communes
 * of `communeSize` people in turn. Homes are places 0 … households − 1.
 */
export function buildHouseholds(
  random: Random,
  place: PlaceProfile,
  people: number,
  registry: PlaceRegistry,
): Households {
  const age = new Uint8Array(people);
  const urban = new Uint8Array(people);
  const commune = new Int32Array(people);
  const home = new Int32Array(people);
  const filled = { urban: place.communeSize, rural: place.communeSize };
  const current = { urban: -1, rural: -1 };
  let communes = 0;
  let person = 0;
  let households = 0;
  const weights = ageWeights(place);
  while (person < people) {
    const size = Math.min(people - person, 1 + random.weightedIndex(place.householdSizeShares));
    const isUrban = random.bernoulli(place.urbanShare);
    const side = isUrban ? 'urban' : 'rural';
    if (filled[side] >= place.communeSize) {
      current[side] = communes++;
      filled[side] = 0;
    }
    filled[side] += size;
    const homeId = registry.add('home', PLACE_AREA_M2.home, current[side]);
    households++;
    for (let member = 0; member < size; member++, person++) {
      age[person] = drawAge(random, place, member === 0 ? weights.heads : weights.others);
      urban[person] = isUrban ? 1 : 0;
      commune[person] = current[side];
      home[person] = homeId;
    }
  }
  return { age, urban, commune, home, households, communes };
}
