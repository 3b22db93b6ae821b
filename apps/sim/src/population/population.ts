import type { PhoneModel } from './phones.js';
import type { Places } from './places.js';

/** What a person does on a weekday. */
export const OCCUPATIONS = ['none', 'pupil', 'worker'] as const;
/** One of OCCUPATIONS. */
export type Occupation = (typeof OCCUPATIONS)[number];

/**
 * A simulated population, column-wise: person i's data are at index i of each array (−1 = none).
 * Typed arrays keep 100,000 people in a few megabytes and make per-minute loops fast.
 */
export interface Population {
  readonly size: number;
  readonly age: Uint8Array;
  /** 1 for people living in urban communes. */
  readonly urban: Uint8Array;
  readonly commune: Int32Array;
  /** Home place id (one per household). */
  readonly home: Int32Array;
  /** Index into OCCUPATIONS. */
  readonly occupation: Uint8Array;
  /** Workplace or classroom place id (teachers: their classroom), or −1. */
  readonly daytimePlace: Int32Array;
  /** The market the household shops at. */
  readonly market: Int32Array;
  /** The bus taken to and from the daytime place, or −1. */
  readonly bus: Int32Array;
  /** Index into phoneModels, or −1 for no smartphone. */
  readonly phone: Int32Array;
  /** 1 for people whose smartphone runs the app: exactly round(adoption × size) people. */
  readonly hasApp: Uint8Array;
  /** People given a smartphone for the app because adoption was above the smartphone owners' share. */
  readonly phonesAdded: number;
  readonly phoneModels: readonly PhoneModel[];
  readonly places: Places;
  /** Number of households (= home places, ids 0 … households − 1). */
  readonly households: number;
}

/** Headline figures of a population. */
export interface PopulationSummary {
  readonly people: number;
  readonly households: number;
  readonly meanHouseholdSize: number;
  readonly places: number;
  readonly pupils: number;
  readonly workers: number;
  readonly smartphones: number;
  readonly iphones: number;
  /** Share of all people with the app. */
  readonly adoption: number;
}

/** Headline figures of a population, for reports and tests. */
export function describePopulation(population: Population): PopulationSummary {
  let smartphones = 0;
  let apps = 0;
  let pupils = 0;
  let workers = 0;
  let iphones = 0;
  for (let i = 0; i < population.size; i++) {
    const phone = population.phone[i] ?? -1;
    if (phone >= 0) smartphones++;
    if (phone >= 0 && population.phoneModels[phone]?.platform === 'ios') iphones++;
    apps += population.hasApp[i] ?? 0;
    if (population.occupation[i] === 1) pupils++;
    if (population.occupation[i] === 2) workers++;
  }
  return {
    people: population.size,
    households: population.households,
    meanHouseholdSize: population.size / population.households,
    places: population.places.count,
    pupils,
    workers,
    smartphones,
    iphones,
    adoption: apps / population.size,
  };
}
