import type { PlaceProfile, Random } from '@bluezone/epidemic';
import type { Households } from './build-households.js';
import { PLACE_AREA_M2, type PlaceRegistry } from './places.js';

/** Weekday roles and the places that go with them. */
export interface Activities {
  readonly occupation: Uint8Array;
  readonly daytimePlace: Int32Array;
  readonly market: Int32Array;
  readonly bus: Int32Array;
}

const BUS_SEATS = 40;

/** People of each commune, in person order. */
function byCommune(households: Households): number[][] {
  const members: number[][] = Array.from({ length: households.communes }, () => []);
  households.commune.forEach((commune, person) => {
    members[commune]?.push(person);
  });
  return members;
}

/**
 * Pupils (6–14 and 15–17 at the profile's enrolment) go to classrooms of their commune, by age; each
 * classroom takes one worker as teacher. Other workers (15–64 at the employment rate) fill workplaces
 * of lognormal size (mean `meanWorkplaceSize`, σ = 1 on the log scale), of their commune or, for a
 * share, anywhere. Households shop at a market of their commune; a share of commuters ride buses.
 */
export function assignActivities(
  random: Random,
  place: PlaceProfile,
  households: Households,
  registry: PlaceRegistry,
): Activities {
  const people = households.age.length;
  const occupation = new Uint8Array(people);
  const daytimePlace = new Int32Array(people).fill(-1);
  const market = new Int32Array(people);
  const bus = new Int32Array(people).fill(-1);
  const outside: number[] = [];
  const workplaceSize = () =>
    Math.max(1, Math.round(random.lognormal(Math.log(place.meanWorkplaceSize) - 0.5, 1)));
  const fillWorkplaces = (workers: number[], commune: number) => {
    for (let next = 0; next < workers.length; ) {
      const size = Math.min(workplaceSize(), workers.length - next);
      const id = registry.add('workplace', PLACE_AREA_M2.workplace * size, commune);
      for (const worker of workers.slice(next, next + size)) daytimePlace[worker] = id;
      next += size;
    }
  };
  byCommune(households).forEach((members, commune) => {
    const pupils: number[] = [];
    const workers: number[] = [];
    for (const person of members) {
      const age = households.age[person] ?? 0;
      const enrolment =
        age >= 6 && age <= 14
          ? place.schoolEnrolment.primary
          : age <= 17
            ? place.schoolEnrolment.upperSecondary
            : 0;
      if (age >= 6 && random.bernoulli(enrolment)) pupils.push(person);
      else if (age >= 15 && age <= 64 && random.bernoulli(place.employmentRate)) workers.push(person);
    }
    for (const pupil of pupils) occupation[pupil] = 1;
    for (const worker of workers) occupation[worker] = 2;
    pupils.sort((a, b) => (households.age[a] ?? 0) - (households.age[b] ?? 0));
    random.shuffle(workers);
    for (let start = 0; start < pupils.length; start += place.classSize) {
      const id = registry.add('classroom', PLACE_AREA_M2.classroom, commune);
      for (const pupil of pupils.slice(start, start + place.classSize)) daytimePlace[pupil] = id;
      const teacher = workers.pop();
      if (teacher !== undefined) daytimePlace[teacher] = id;
    }
    const local: number[] = [];
    for (const worker of workers) (random.bernoulli(place.workOutsideCommune) ? outside : local).push(worker);
    fillWorkplaces(local, commune);
    const markets = Array.from(
      { length: Math.max(1, Math.round(members.length / place.peoplePerMarket)) },
      () => registry.add('market', PLACE_AREA_M2.market, commune),
    );
    const homeMarket = new Map<number, number>();
    for (const person of members) {
      const home = households.home[person] ?? 0;
      if (!homeMarket.has(home)) homeMarket.set(home, random.choice(markets));
      market[person] = homeMarket.get(home) ?? 0;
    }
  });
  fillWorkplaces(random.shuffle(outside), -1);
  assignBuses(random, place, households, occupation, bus, registry);
  return { occupation, daytimePlace, market, bus };
}

/** Commuters of a commune who ride a bus, packed into buses of BUS_SEATS. */
function assignBuses(
  random: Random,
  place: PlaceProfile,
  households: Households,
  occupation: Uint8Array,
  bus: Int32Array,
  registry: PlaceRegistry,
): void {
  byCommune(households).forEach((members, commune) => {
    const riders = members.filter((person) => occupation[person] !== 0 && random.bernoulli(place.busShare));
    for (let start = 0; start < riders.length; start += BUS_SEATS) {
      const id = registry.add('bus', PLACE_AREA_M2.bus, commune);
      for (const rider of riders.slice(start, start + BUS_SEATS)) bus[rider] = id;
    }
  });
}
