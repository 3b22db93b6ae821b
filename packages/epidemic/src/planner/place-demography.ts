import type { AgeValues } from '../course/disease-course.js';
import type { PlaceProfile } from '../demography/place-profile.js';
import type { PlannerParameters } from './parameters.js';

/**
 * A place's age mix by decade and household sizes, from the district simulator's place profile
 * (2019 census figures for Thái Bình): each age band's share spread evenly over its years, ages
 * 80 and over taking the rest of the last band.
 */
export function placeDemography(place: PlaceProfile): PlannerParameters['population'] {
  const decades = new Array<number>(9).fill(0);
  for (const band of place.ageBands) {
    const years = band.to - band.from + 1;
    for (let age = band.from; age <= band.to; age++) {
      const group = Math.min(8, Math.floor(age / 10));
      decades[group] = (decades[group] ?? 0) + band.share / years;
    }
  }
  const total = decades.reduce((a, b) => a + b, 0);
  return Object.freeze({
    ageShares: Object.freeze(decades.map((share) => share / total)) as unknown as AgeValues,
    householdSizeShares: Object.freeze([...place.householdSizeShares]),
  });
}
