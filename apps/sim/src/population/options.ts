import { type PlaceProfile, THAI_BINH } from '@bluezone/epidemic';

/** Multipliers of the chance to have the app, by group, relative to an adult rural smartphone owner. */
export interface AdoptionFactors {
  readonly urban: number;
  readonly teen: number;
  readonly elder: number;
}

/** Everything that shapes a population, with defaults for a Thái Bình district. */
export interface PopulationOptions {
  /** Number of people. */
  readonly people: number;
  /** The place the people are drawn from. */
  readonly place: PlaceProfile;
  /** Share of all people who have the app (0.24: Thái Bình, August 2020). */
  readonly adoption: number;
  /** How adoption differs by group among smartphone owners (the overall share stays `adoption`). */
  readonly adoptionFactors: AdoptionFactors;
}

/** Defaults: 10,000 people of Thái Bình, 24 % adoption, more in towns, less among the old. */
export const DEFAULT_POPULATION_OPTIONS: PopulationOptions = Object.freeze({
  people: 10_000,
  place: THAI_BINH,
  adoption: 0.24,
  adoptionFactors: Object.freeze({ urban: 1.3, teen: 0.8, elder: 0.5 }),
});

/** Defaults merged with `overrides` (shallow, and one level into `adoptionFactors`). */
export function populationOptions(overrides: Partial<PopulationOptions> = {}): PopulationOptions {
  return Object.freeze({
    ...DEFAULT_POPULATION_OPTIONS,
    ...overrides,
    adoptionFactors: { ...DEFAULT_POPULATION_OPTIONS.adoptionFactors, ...overrides.adoptionFactors },
  });
}

const share = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1;

/** Every problem with `options`, as human messages (empty when valid). */
export function validatePopulationOptions(options: PopulationOptions): string[] {
  const problems: string[] = [];
  const { people, place, adoption, adoptionFactors } = options;
  if (!Number.isInteger(people) || people < 1 || people > 10_000_000) {
    problems.push(`people must be an integer from 1 to 10,000,000 (got ${people})`);
  }
  if (!share(adoption)) problems.push(`adoption must be a share from 0 to 1 (got ${adoption})`);
  for (const [group, factor] of Object.entries(adoptionFactors)) {
    if (!(Number.isFinite(factor) && factor >= 0)) problems.push(`adoptionFactors.${group} must be ≥ 0`);
  }
  if (!share(place.urbanShare)) problems.push('place.urbanShare must be a share from 0 to 1');
  if (!share(place.iphoneShare)) problems.push('place.iphoneShare must be a share from 0 to 1');
  if (!share(place.busShare)) problems.push('place.busShare must be a share from 0 to 1');
  if (!share(place.employmentRate)) problems.push('place.employmentRate must be a share from 0 to 1');
  if (!share(place.workOutsideCommune)) problems.push('place.workOutsideCommune must be a share from 0 to 1');
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  if (place.householdSizeShares.length === 0 || Math.abs(sum(place.householdSizeShares) - 1) > 0.01) {
    problems.push('place.householdSizeShares must sum to 1');
  }
  if (Math.abs(sum(place.ageBands.map((band) => band.share)) - 1) > 0.01) {
    problems.push('place.ageBands shares must sum to 1');
  }
  if (Math.abs(sum(Object.values(place.androidMakerShares)) - 1) > 0.01) {
    problems.push('place.androidMakerShares must sum to 1');
  }
  for (const key of [
    'communeSize',
    'peoplePerMarket',
    'meanWorkplaceSize',
    'schoolSize',
    'classSize',
  ] as const) {
    if (!(place[key] >= 1)) problems.push(`place.${key} must be ≥ 1 (got ${place[key]})`);
  }
  return problems;
}
